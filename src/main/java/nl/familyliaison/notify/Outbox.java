package nl.familyliaison.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.KeyRing;

/**
 * Where features put mail: in the same transaction as the change that causes it, so a change is never stored without
 * its mail, nor a mail queued for a change that was rolled back. Delivery happens behind it ({@link DeliveryWorker}).
 */
public final class Outbox {

    private final OutboxRepository outbox;
    private final PreferenceRepository preferences;
    private final KeyRing keys;
    private final Clock clock;
    private volatile Runnable onEnqueue = () -> { };

    public Outbox(OutboxRepository outbox, PreferenceRepository preferences, KeyRing keys, Clock clock) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Queues a mail unless the recipient's preferences say no; during their quiet hours it waits until the morning
     * (sign-in codes never wait).
     */
    public void enqueue(DbExecute tx, Mail mail) {
        Category category = Category.of(mail.template());
        Preferences wanted = mail.recipientId() == null ? Preferences.DEFAULT
                : preferences.of(tx, mail.recipientId()).orElse(Preferences.DEFAULT);
        if (!wanted.wants(category)) {
            return;
        }
        Instant now = clock.instant();
        Instant due = wanted.sendAt(category, now.atZone(ZoneOffset.UTC)).toInstant();
        String id = Ids.newId();
        KeyRing.Sealed values = keys.seal(Json.write(mail.values()), context(id));
        outbox.insert(tx, id, mail, values, now, due);
    }

    /** Mails to these accounts that failed for good (staff phone instead). */
    public java.util.List<OutboxRepository.Failed> failedFor(java.util.Collection<String> accountIds) {
        return outbox.failedFor(accountIds);
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
