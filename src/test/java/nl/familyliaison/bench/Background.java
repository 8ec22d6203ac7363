package nl.familyliaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import nl.familyliaison.support.TestDatabase;

/**
 * The service's background work left over from earlier rows, read from the benchmark's database: mails due and not
 * yet handed over, and audit events not yet sealed into the chain. A row starts only when both are zero, so the mail
 * worker and the sealer catching up on an earlier row's writes are not measured as the next row's latency.
 */
final class Background {

    private static final String LEFT = "SELECT"
            + " (SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND due_at <= UTC_TIMESTAMP(6)) AS mails,"
            + " (SELECT COUNT(*) FROM audit_event WHERE chain_position IS NULL) AS events";
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    private Background() {
    }

    /** Waits (at most three minutes) until no work is left; how long it waited. */
    static Duration awaitDone(String jdbcUrl) throws Exception {
        long start = System.nanoTime();
        long deadline = start + AT_MOST.toNanos();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", TestDatabase.password());
             Statement sql = connection.createStatement()) {
            while (left(sql) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static long left(Statement sql) throws Exception {
        try (ResultSet row = sql.executeQuery(LEFT)) {
            row.next();
            return row.getLong("mails") + row.getLong("events");
        }
    }
}
