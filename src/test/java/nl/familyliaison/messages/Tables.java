package nl.familyliaison.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import nl.familyliaison.support.TestService;

/** The database as it is, read with plain JDBC: what is really stored, not what the service says. */
public final class Tables {

    private final TestService service;

    /** Also for a test class's service, which starts only after the class's fields are set. */
    public Tables(TestService service) {
        this.service = service;
    }

    public long count(String table) {
        return count(table, "1 = 1");
    }

    /** Rows of {@code table} meeting {@code condition}, whose ? are {@code values}. */
    public long count(String table, String condition, Object... values) {
        return query("SELECT COUNT(*) FROM " + table + " WHERE " + condition, set -> set.getLong(1), values)
                .getFirst();
    }

    /** Every value of one binary column. */
    List<byte[]> bytes(String table, String column) {
        return query("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL",
                     set -> set.getBytes(1));
    }

    /**
     * Every text or binary column of every table of the schema ({@code table.column}) holding {@code needle}
     * anywhere in a value, compared byte for byte as UTF-8 (so also inside blobs).
     */
    public List<String> columnsContaining(String needle) {
        List<String> columns = query("SELECT table_name, column_name FROM information_schema.columns"
                                     + " WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar',"
                                     + " 'tinytext', 'text', 'mediumtext', 'longtext', 'binary', 'varbinary',"
                                     + " 'tinyblob', 'blob', 'mediumblob', 'longblob', 'json', 'enum', 'set')",
                                     set -> set.getString(1) + "." + set.getString(2));
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            long hits = query("SELECT COUNT(*) FROM `" + parts[0] + "` WHERE LOCATE(CAST(? AS BINARY), CAST(`"
                              + parts[1] + "` AS BINARY)) > 0",
                              set -> set.getLong(1), needle.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .getFirst();
            if (hits > 0) {
                found.add(column);
            }
        }
        return found;
    }

    /** Waits (up to 20 s) until the sealer has linked every audit event into the chain. */
    public void awaitSealed() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (count("audit_event", "chain_position IS NULL") > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private interface Reader<T> {
        T read(ResultSet set) throws SQLException;
    }

    private <T> List<T> query(String sql, Reader<T> reader, Object... values) {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet set = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (set.next()) {
                    rows.add(reader.read(set));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
