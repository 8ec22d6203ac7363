package nl.familyliaison.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain SQL against a test service's database, for what a test injects (a trigger that makes MariaDB refuse a
 * statement) or checks (how many rows a request left), beside the service and not through it.
 */
public final class Sql {

    private Sql() {
    }

    /** Runs one statement, such as {@code CREATE TRIGGER ...}. */
    public static void run(TestService service, String statement) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement plain = connection.createStatement()) {
            plain.execute(statement);
        }
    }

    /**
     * Runs {@code request} while MariaDB (a trigger) refuses to store a successful {@code action} audit event: a write
     * whose event is in its own transaction then leaves nothing behind.
     */
    public static <T> T refusingEvent(TestService service, String action, java.util.function.Supplier<T> request)
            throws SQLException {
        run(service, "CREATE TRIGGER refuse_event BEFORE INSERT ON audit_event FOR EACH ROW"
                     + " IF NEW.action = '" + action + "' AND NEW.outcome = 'SUCCEEDED' THEN"
                     + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; END IF");
        try {
            return request.get();
        } finally {
            run(service, "DROP TRIGGER refuse_event");
        }
    }

    /** The single number a {@code SELECT COUNT(*) ...} with {@code ?} parameters answers. */
    public static long count(TestService service, String query, Object... parameters) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement prepared = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = prepared.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
