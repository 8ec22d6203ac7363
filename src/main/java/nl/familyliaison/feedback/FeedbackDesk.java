package nl.familyliaison.feedback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Transactions;

/**
 * The complaints desk's side of feedback: a message is stored sealed and announced by mail to the configured address
 * (never a family inspector's own inbox) in one transaction with its audit event; the desk reads it back here.
 */
final class FeedbackDesk {

    private final FeedbackRepository feedback;
    private final Outbox outbox;
    private final KeyRing keys;
    private final Transactions transactions;
    private final Clock clock;
    private final String address;

    /** @param address where feedback goes (feedback.address) */
    FeedbackDesk(FeedbackRepository feedback, Outbox outbox, KeyRing keys, Transactions transactions, Clock clock,
                 String address) {
        if (address == null || !EmailAddress.isPlausible(address)) {
            throw new IllegalStateException("feedback.address must be an email address");
        }
        this.feedback = feedback;
        this.outbox = outbox;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
        this.address = address;
    }

    /** A message as the desk reads it: its text opened. */
    record Received(String id, String kind, String about, String text, Instant receivedAt, String status,
                    Instant statusChangedAt) {
    }

    Instant now() {
        return clock.instant();
    }

    /** Stores a message and its mail to the desk; {@code audited} (with the request's key) commits with them. */
    String store(String accountId, String kind, String about, String text, Instant now,
                 AccessAudit.Written audited) {
        String id = Ids.newId();
        KeyRing.Sealed sealed = keys.seal(text.getBytes(StandardCharsets.UTF_8), context(id));
        transactions.inTransaction(tx -> {
            feedback.insert(tx, id, accountId, kind, about, sealed, now);
            outbox.enqueue(tx, new Mail("feedback:" + id, null, address, MailTemplate.FEEDBACK_RECEIVED, null,
                                        Map.of("reference", reference(id)), Mail.Priority.NORMAL));
            audited.append(tx, id);
            return null;
        });
        outbox.afterCommit();
        return id;
    }

    /** The latest 200, newest first. */
    List<Received> recent() {
        return feedback.recent().stream().map(this::opened).toList();
    }

    /** One stored message with its text opened. */
    Received opened(FeedbackRepository.Stored stored) {
        return new Received(stored.id(), stored.kind(), stored.about(),
                            new String(keys.open(stored.text(), context(stored.id())), StandardCharsets.UTF_8),
                            stored.createdAt(), stored.status(), stored.statusChangedAt());
    }

    void eraseOf(DbExecute tx, String accountId) {
        feedback.eraseOf(tx, accountId);
    }

    private static String context(String id) {
        return "feedback.text:" + id;
    }

    /** A short reference the desk and the member can both quote. */
    static String reference(String id) {
        return "FB-" + id.replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }
}
