package nl.familyliaison.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Language;

/**
 * Where features put mail: in the same transaction as the change that causes it, so a change is never stored without
 * its mail, nor a mail queued for a change that was rolled back. Delivery happens behind it ({@link DeliveryWorker}).
 */
public final class Outbox {

    private final OutboxRepository outbox;
    private final PreferenceRepository preferences;
    private final KeyRing keys;
    private final Clock clock;
    private final Language standard;
    private volatile Runnable onEnqueue = () -> { };

    /** The outbox over {@code db} on its own, for code that stores mails without the rest of notify. */
    public static Outbox over(DbClient db, KeyRing keys, Clock clock, Language standard) {
        return new Outbox(new OutboxRepository(db), new PreferenceRepository(db), keys, clock, standard);
    }

    /** {@code standard}: the language of a mail to an address without an account (a desk), the default one. */
    Outbox(OutboxRepository outbox, PreferenceRepository preferences, KeyRing keys, Clock clock, Language standard) {
        this.outbox = outbox;
        this.standard = standard;
        this.preferences = preferences;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Queues a mail unless the recipient's preferences say no; during their quiet hours it waits until the morning
     * (sign-in codes never wait).
     */
    public void enqueue(DbExecute tx, Mail mail) {
        enqueueAt(tx, mail, clock.instant(), null);
    }

    /**
     * Queues a mail for a later moment, such as a reminder: it is held until {@code notBefore}, then until the end
     * of the recipient's quiet hours — unless that would be at or after {@code mustArriveBefore}, in which case it
     * goes at {@code notBefore} after all (a reminder that comes after the appointment helps nobody).
     */
    public void enqueueAt(DbExecute tx, Mail mail, Instant notBefore, Instant mustArriveBefore) {
        queue(tx, mail, notBefore, mustArriveBefore);
    }

    /**
     * Queues the mails of one change (a post's, to everyone else in its thread) as {@link #enqueue} queues each: the
     * recipients' preferences are read in one query and the rows stored in one statement.
     */
    public void enqueueAll(DbExecute tx, List<Mail> mails) {
        Instant now = clock.instant();
        List<OutboxRepository.NewRow> rows = rows(tx, mails, now, null);
        if (rows.size() == 1) {
            outbox.insert(tx, rows.getFirst(), now);
        } else if (!rows.isEmpty()) {
            outbox.insertAll(tx, rows, now);
        }
    }

    /** Queues as {@link #enqueueAt}; answers the new row's id, or null when the preferences say no. */
    private String queue(DbExecute tx, Mail mail, Instant notBefore, Instant mustArriveBefore) {
        List<OutboxRepository.NewRow> rows = rows(tx, List.of(mail), notBefore, mustArriveBefore);
        if (rows.isEmpty()) {
            return null;
        }
        outbox.insert(tx, rows.getFirst(), clock.instant());
        return rows.getFirst().id();
    }

    /**
     * The rows of the mails the recipients' preferences let through (read in one query), each with its own id, its
     * values sealed to that id and the moment it may go.
     */
    private List<OutboxRepository.NewRow> rows(DbExecute tx, List<Mail> mails, Instant notBefore,
                                               Instant mustArriveBefore) {
        Set<String> recipients = new HashSet<>();
        mails.stream().map(Mail::recipientId).filter(Objects::nonNull).forEach(recipients::add);
        Map<String, Preferences> chosen = preferences.of(tx, recipients);
        List<OutboxRepository.NewRow> rows = new ArrayList<>();
        for (Mail asked : mails) {
            Mail mail = asked.language() != null ? asked
                    : new Mail(asked.eventKey(), asked.recipientId(), asked.recipientEmail(), asked.template(),
                               standard, asked.values(), asked.priority());
            Category category = mail.template().category();
            Preferences wanted = mail.recipientId() == null ? Preferences.DEFAULT
                    : chosen.getOrDefault(mail.recipientId(), Preferences.DEFAULT);
            if (!wanted.wants(category)) {
                continue;
            }
            Instant due = wanted.sendAt(category, notBefore.atZone(ZoneOffset.UTC)).toInstant();
            if (mustArriveBefore != null && !due.isBefore(mustArriveBefore)) {
                due = notBefore;
            }
            String id = Ids.newId();
            rows.add(new OutboxRepository.NewRow(id, mail, keys.seal(Json.write(mail.values()), context(id)), due));
        }
        return rows;
    }

    /**
     * Takes back the mails not sent yet whose event key starts with {@code eventKeyPrefix} (a reminder for an
     * appointment that moved or was cancelled). A mail a worker is sending at this very moment may still go.
     *
     * @return how many were taken back
     */
    public long withdraw(DbExecute tx, String eventKeyPrefix) {
        return outbox.withdraw(tx, eventKeyPrefix);
    }

    /**
     * After a member's address was corrected: mail still queued goes to {@code email}, and every mail to the account
     * that failed for good is sent again there (a copy of the same template in the same language; the failed row
     * names its copy and leaves the dashboard). Failed rows no longer hold their values, so only templates that
     * need none are copied: every mail to members but a sign-in code says no more than "sign in to see it".
     *
     * @return how many failed mails were sent again
     */
    public int redirect(DbExecute tx, String accountId, String email) {
        outbox.readdressPending(tx, accountId, email);
        int resent = 0;
        for (OutboxRepository.FailedOf failed : outbox.failedNotResent(tx, accountId)) {
            java.util.Optional<MailTemplate> template = MailTemplate.byFolder(failed.template());
            if (template.isEmpty() || template.get().category() == Category.SIGN_IN) {
                continue; // a sign-in code is asked for again by the person; it expired long ago anyway
            }
            // Like any mail: the person's preferences and quiet hours hold.
            String id = queue(tx, new Mail("resent:" + failed.id(), accountId, email, template.get(),
                                           failed.language(), Map.of(), Mail.Priority.NORMAL), clock.instant(), null);
            if (id != null) {
                outbox.markResent(tx, failed.id(), id);
                resent++;
            }
        }
        return resent;
    }

    /** Forgets a removed person: their mail preferences and every mail to them, sent or not. */
    public void forget(DbExecute tx, String accountId, String email) {
        preferences.deleteOf(tx, accountId);
        outbox.deleteTo(tx, accountId, email);
    }

    /**
     * Deletes the rows of mails sent before {@code before}, with the addresses they hold. A failed mail stays: the
     * family inspector sees it and phones instead.
     *
     * @return how many were deleted
     */
    public long deleteSentBefore(Instant before) {
        long total = 0;
        long deleted;
        do {
            deleted = outbox.deleteSentBefore(before);
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    /** Mails to these accounts that failed for good (staff phone instead). */
    public java.util.List<OutboxRepository.Failed> failedFor(java.util.Collection<String> accountIds) {
        return outbox.failedFor(accountIds);
    }

    /** The latest mails that failed for good, for administrators (see {@link FailedMail} for what shows). */
    public java.util.List<FailedMail> failedForGood() {
        return FailedMail.all(outbox);
    }

    /** Lets a worker of this instance know right after the caller's commit that there is something to send. */
    public void afterCommit() {
        onEnqueue.run();
    }

    void onEnqueue(Runnable listener) {
        this.onEnqueue = listener;
    }

    Map<String, String> open(OutboxRepository.Leased row) {
        byte[] json = keys.open(row.values(), context(row.id()));
        try {
            return Json.mapper().readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable outbox values in " + row.id(), e);
        }
    }

    private static String context(String id) {
        return "outbox.template_values:" + id;
    }
}
