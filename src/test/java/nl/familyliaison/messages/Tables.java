package nl.familyliaison.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import nl.familyliaison.support.RunningService;
import nl.familyliaison.support.TestService;

/** The database as it is, read with plain JDBC: what is really stored, not what the service says. */
public final class Tables {

    private final Supplier<TestService> service;

    /** For a test class's service, which starts only after the class's fields are set. */
    public Tables(RunningService service) {
        this.service = service::service;
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

    private interface Reader<T> {
        T read(ResultSet set) throws SQLException;
    }

    private <T> List<T> query(String sql, Reader<T> reader, Object... values) {
        try (Connection connection = service.get().running().database().dataSource().getConnection();
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
