package nl.familyliaison.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.familyliaison.support.TestDatabase;

/**
 * A fingerprint of the tables that hold people's data ({@code CHECKSUM TABLE}: row contents, not just counts), to
 * show that refused requests leave them as they were.
 */
final class DataChecksums implements AutoCloseable {

    /**
     * Tables that change on every request by design, refused or not, and so say nothing about "half-written":
     * the audit trail records every refusal (denied access, failed sign-in) and the sealer links those events into
     * the chain in the background; the rate-limit buckets take a token for each attempt; a session's last-seen
     * time moves with each signed-in request (the idle timeout).
     */
    static final Set<String> BOOKKEEPING = Set.of("audit_event", "audit_chain_head", "rate_limit_bucket",
                                                    "rate_limit_tokens", "session");

    /**
     * Tables a background worker updates after the request has been answered: the delivery worker marks mails
     * sent. For these only which rows exist counts (a refused request must not queue a mail), not their state.
     */
    static final Set<String> ROWS_ONLY = Set.of("outbox");

    private final Connection connection;
    private final String checksumAll;

    DataChecksums(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, "root", TestDatabase.password());
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                     + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rows.next()) {
                if (!BOOKKEEPING.contains(rows.getString(1)) && !ROWS_ONLY.contains(rows.getString(1))) {
                    tables.add("`" + rows.getString(1) + "`");
                }
            }
        }
        checksumAll = "CHECKSUM TABLE " + String.join(", ", tables);
    }

    /** Table name → checksum of its rows, now. */
    Map<String, Long> now() {
        Map<String, Long> sums = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(checksumAll)) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getLong(2));
            }
            for (String table : ROWS_ONLY) {
                String rowIds = "SELECT COUNT(*) * 31 + COALESCE(BIT_XOR(CRC32(id)), 0) FROM " + table;
                try (ResultSet ids = statement.executeQuery(rowIds)) {
                    ids.next();
                    sums.put(table, ids.getLong(1));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose rows differ between two fingerprints. */
    static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table))).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
