package nl.familyliaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.support.ServiceProcess;
import nl.familyliaison.support.TestDatabase;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Mail throughput into a separate local SMTP server: {@code count} "new update" mails land in the outbox at one
 * instant (their values sealed as the service seals them, so the worker opens and renders each), and the clock runs
 * until the SMTP server holds them all. Every mail is created at the start, so the time until 95 % have arrived is
 * the 95th percentile of event-to-hand-over.
 */
final class Notifications {

    /**
     * All the mails go to one address, so that counting them is one look at one mailbox: asking GreenMail for every
     * message it received copies them all, which on two cores took CPU from the service being measured.
     */
    private static final String RECIPIENT = "bench-notifications@example.org";

    private Notifications() {
    }

    /** The number of messages in one address's mailbox on the SMTP server. */
    private record Inbox(GreenMail smtp, String address) {
        int count() throws Exception {
            com.icegreen.greenmail.user.GreenMailUser user = smtp.getUserManager().getUser(address);
            return user == null ? 0
                    : smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        }
    }

    /** What a burst measured; {@code p95Seconds} is NaN when 95 % never arrived. */
    record Burst(int arrived, int count, double seconds, double p95Seconds) {
        @Override
        public String toString() {
            return String.format("notifications: %d of %d delivered in %.1f s = %.0f mails/s;"
                                 + " p95 event-to-hand-over %s", arrived, count, seconds, arrived / seconds,
                                 Double.isNaN(p95Seconds) ? "not reached" : String.format("%.2f s", p95Seconds));
        }
    }

    static Burst measure(String jdbcUrl, GreenMail smtp, int count) throws Exception {
        Inbox inbox = new Inbox(smtp, RECIPIENT);
        int before = inbox.count();
        // Each row's values are sealed for that row (the row id is part of the seal), as the service does it.
        KeyRing keys = KeyRing.create(Config.just(ConfigSources.create(
                Map.of("keys", ServiceProcess.testKeys()))), Optional.empty());
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", TestDatabase.password());
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox (id, event_key, recipient_id, recipient_email, template, language,"
                     + " values_key_id, template_values, priority, status, attempts, created_at, due_at)"
                     + " VALUES (?, ?, NULL, ?, 'new-update', 'nl', ?, ?, 5, 'PENDING', 0,"
                     + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String id = Ids.newId();
                KeyRing.Sealed values = keys.seal("{}".getBytes(StandardCharsets.UTF_8),
                                                  "outbox.template_values:" + id);
                insert.setString(1, id);
                insert.setString(2, "bench-" + id);
                insert.setString(3, RECIPIENT);
                insert.setString(4, values.keyId());
                insert.setBytes(5, values.bytes());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
        long start = System.nanoTime();
        long p95 = -1;
        long deadline = start + 300_000_000_000L;
        int arrived = 0;
        while (arrived < count && System.nanoTime() < deadline) {
            arrived = inbox.count() - before;
            if (p95 < 0 && arrived >= count * 0.95) {
                p95 = System.nanoTime() - start;
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Burst(arrived, count, seconds, p95 < 0 ? Double.NaN : p95 / 1e9);
    }
}
