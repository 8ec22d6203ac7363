package nl.familyliaison.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import nl.familyliaison.support.TestDatabase;

/**
 * Bulk data for the growth run, written with INSERT … SELECT over MariaDB's sequence tables (seq_1_to_N), never row
 * by row: cases with their staff and timeline updates, one message thread per case with its messages, and sealed
 * audit events. Seeded while no service runs: the seeded audit events take chain positions after the current head,
 * which the sealer must not be writing at the same time. Their chain hashes are made up (a benchmark never verifies
 * them); everything the benchmark reads or writes is real.
 */
record DataSet(int cases, int updatesPerCase, int messages, long auditEvents) {

    static final DataSet SMALL = new DataSet(500, 10, 20_000, 200_000);
    static final DataSet LARGE = new DataSet(10_000, 10, 1_000_000, 10_000_000);
    private static final long CHUNK = 1_000_000;

    /**
     * Waits (at most five minutes) until InnoDB has written the seeded pages out and fresh statistics are in place:
     * right after a bulk load its background flushing stalls writes for seconds, which would be measured as the
     * service's latency.
     */
    static java.time.Duration settle(String jdbcUrl) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", TestDatabase.password());
             Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE TABLE investigation, investigation_update, message_thread, message, audit_event");
            long deadline = start + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && dirtyPages(sql) > 200) {
                Thread.sleep(1000);
            }
        }
        return java.time.Duration.ofNanos(System.nanoTime() - start);
    }

    private static long dirtyPages(Statement sql) throws SQLException {
        try (java.sql.ResultSet status = sql.executeQuery(
                "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
            status.next();
            return status.getLong(2);
        }
    }

    void seed(String jdbcUrl, String staffId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", TestDatabase.password());
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO investigation (id, reference, title, incident_date, status, phase_code,"
                        + " update_cadence_days, next_update_by, created_at, updated_at)"
                        + " SELECT UUID(), CONCAT('SEED-', seq), 'Onderzoek', '2026-01-15', 'OPEN', 'start', 28,"
                        + " '2026-04-01', NOW(6), NOW(6) FROM seq_1_to_" + cases);
            String seeded = " FROM investigation i WHERE i.reference LIKE 'SEED-%'";
            sql.execute("INSERT INTO investigation_staff (investigation_id, account_id, role, assigned_at)"
                        + " SELECT i.id, '" + staffId + "', 'INVESTIGATOR', NOW(6)" + seeded);
            // As plain text, the way texts were stored before they were encrypted: the service seals them when it
            // starts (cases.PlaintextUpdates), which the growth run so measures too.
            sql.execute("INSERT INTO investigation_update (id, investigation_id, phase_code, author_id, body_plain,"
                        + " for_all_members, corrects, posted_at)"
                        + " SELECT UUID(), i.id, 'start', '" + staffId + "', REPEAT('Stand van zaken. ', 20), TRUE,"
                        + " NULL, NOW(6) - INTERVAL s.seq HOUR FROM investigation i JOIN seq_1_to_" + updatesPerCase
                        + " s WHERE i.reference LIKE 'SEED-%'");
            int perThread = Math.max(1, messages / cases);
            sql.execute("INSERT INTO message_thread (id, investigation_id, started_by, created_at, last_message_at,"
                        + " last_position) SELECT UUID(), i.id, '" + staffId + "', NOW(6), NOW(6), " + perThread
                        + seeded);
            for (long from = 1; from <= perThread; from += Math.max(1, CHUNK / cases)) {
                long to = Math.min(perThread, from + Math.max(1, CHUNK / cases) - 1);
                sql.execute("INSERT INTO message (id, thread_id, position, author_id, body_key_id, body, posted_at)"
                            + " SELECT UUID(), t.id, s.seq, '" + staffId + "', 'seed', RANDOM_BYTES(600), NOW(6)"
                            + " FROM message_thread t JOIN investigation i ON i.id = t.investigation_id"
                            + " JOIN seq_" + from + "_to_" + to + " s WHERE i.reference LIKE 'SEED-%'");
            }
            for (long from = 1; from <= auditEvents; from += CHUNK) {
                long to = Math.min(auditEvents, from + CHUNK - 1);
                sql.execute("INSERT INTO audit_event (id, actor_account_id, actor_role, action, object_type,"
                            + " object_id, case_id, outcome, occurred_at, request_id, ip, content_hash,"
                            + " chain_position, chain_hash, sealed_at)"
                            + " SELECT UUID(), '" + staffId + "', 'INVESTIGATOR', 'case.timeline.read', 'case', NULL,"
                            + " NULL, 'ALLOWED', NOW(6), NULL, '127.0.0.1', UNHEX(SHA2(s.seq, 256)),"
                            + " h.last_position + s.seq, UNHEX(SHA2(s.seq, 256)), NOW(6)"
                            + " FROM audit_chain_head h JOIN seq_" + from + "_to_" + to + " s WHERE h.id = 1");
            }
            sql.execute("UPDATE audit_chain_head SET last_position = last_position + " + auditEvents
                        + ", last_hash = UNHEX(SHA2(" + auditEvents + ", 256)) WHERE id = 1");
        }
    }
}
