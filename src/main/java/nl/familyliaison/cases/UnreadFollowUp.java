package nl.familyliaison.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Periodic;
import nl.familyliaison.platform.Transactions;

/**
 * One reminder mail when a member has not read an update or a message within {@code after}; the staff dashboard flags
 * the member for a phone call once twice that time has passed. Each item reminds each person once: the outbox's
 * unique (event, recipient) key makes every later round, on any instance, a no-op for it.
 */
public final class UnreadFollowUp implements AutoCloseable {

    private final CaseRepository cases;
    private final UnreadUpdates unreadUpdates;
    private final MessageActivity messages;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration after;
    private final Periodic periodic;

    UnreadFollowUp(CaseRepository cases, UnreadUpdates unreadUpdates, MessageActivity messages,
                   AccountRepository accounts, Outbox outbox, Transactions transactions, Clock clock, Duration after,
                   Duration interval, Runnable alsoEachRound) {
        this.cases = cases;
        this.unreadUpdates = unreadUpdates;
        this.messages = messages;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.after = after;
        // The same rounds follow up overdue promises ({@link OverduePromises}); one failing does not stop the other.
        this.periodic = new Periodic("unread-follow-up", interval, () -> {
            try {
                remind();
            } finally {
                alsoEachRound.run();
            }
        });
    }

    /** A message one member has not read. */
    public record UnreadMessage(String accountId, String messageId) {
    }

    /** One round: queues a reminder for every item unread longer than {@code after}. */
    public void remind() {
        Instant before = clock.instant().minus(after);
        for (Investigation investigation : cases.all()) {
            if (investigation.status() != Investigation.Status.OPEN) {
                continue;
            }
            unreadUpdates.in(investigation).stream()
                    .filter(unread -> unread.update().postedAt().isBefore(before))
                    .forEach(unread -> queue("update:" + unread.update().id(), unread.member().accountId()));
        }
        messages.unreadByMembers(before).forEach(unread -> queue("message:" + unread.messageId(), unread.accountId()));
        outbox.afterCommit();
    }

    private void queue(String item, String accountId) {
        accounts.byId(accountId).ifPresent(account -> transactions.inTransaction(tx -> {
            outbox.enqueue(tx, new Mail("unread-reminder:" + item, account.id(), account.email(),
                                        MailTemplate.UNREAD_REMINDER,
                                        account.language(), Map.of(), Mail.Priority.NORMAL));
            return null;
        }));
    }

    public void start() {
        periodic.start();
    }

    @Override
    public void close() {
        periodic.close();
    }
}
