package nl.familyliaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Mail throughput into a separate local SMTP server: {@code count} mails land in the outbox at one instant (copies of
 * a real "new update" mail, so the worker decrypts and renders each), and the clock runs until the SMTP server holds
 * them all. Every mail is created at the start, so the time until 95 % have arrived is the 95th percentile of
 * event-to-hand-over.
 */
final class Notifications {

    private Notifications() {
    }

    static String measure(String jdbcUrl, GreenMail smtp, int count) throws Exception {
        int before = smtp.getReceivedMessages().length;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO outbox (id, event_key, recipient_id, recipient_email, template, language,"
                        + " values_key_id, template_values, priority, status, attempts, created_at, due_at)"
                        + " SELECT UUID(), CONCAT('bench-', s.seq), NULL, CONCAT('bench-', s.seq, '@example.org'),"
                        + " o.template, o.language, o.values_key_id, o.template_values, o.priority, 'PENDING', 0,"
                        + " UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)"
                        + " FROM (SELECT * FROM outbox WHERE template = 'new-update' LIMIT 1) o"
                        + " JOIN seq_1_to_" + count + " s");
        }
        long start = System.nanoTime();
        long p95 = -1;
        long deadline = start + 300_000_000_000L;
        int arrived = 0;
        while (arrived < count && System.nanoTime() < deadline) {
            arrived = smtp.getReceivedMessages().length - before;
            if (p95 < 0 && arrived >= count * 0.95) {
                p95 = System.nanoTime() - start;
            }
            Thread.sleep(100); // GreenMail copies every message it holds on each look: look rarely
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("notifications: %d of %d delivered in %.1f s = %.0f mails/s;"
                             + " p95 event-to-hand-over %s", arrived, count, seconds, arrived / seconds,
                             p95 < 0 ? "not reached" : String.format("%.2f s", p95 / 1e9));
    }
}
