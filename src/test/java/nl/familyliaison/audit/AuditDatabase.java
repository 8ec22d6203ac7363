package nl.familyliaison.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Migrations;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;

/**
 * A migrated database of its own on the shared test MariaDB, with as many pools (think: service instances) on it as a
 * test wants, and plain JDBC for what an intruder with database access would do.
 */
final class AuditDatabase implements AutoCloseable {

    private final String url;
    private final List<Database> pools = new ArrayList<>();

    private AuditDatabase(String url) {
        this.url = url;
    }

    static AuditDatabase create() {
        AuditDatabase database = new AuditDatabase(TestDatabase.newDatabase());
        Migrations.apply(database.first().dataSource(), Path.of("migrations"));
        return database;
    }

    /** The first pool. */
    Database first() {
        return pools.isEmpty() ? another() : pools.getFirst();
    }

    /** One more pool on the same database, as a second instance of the service would have. */
    Database another() {
        Database database = Database.open(TestService.config(Map.of("db.url", url, "db.user", "root")).get("db"),
                                          Path.of("unused"));
        pools.add(database);
        return database;
    }

    /** Empties the access log: no events, the head back at position 0. */
    void reset() {
        sql("DELETE FROM audit_event");
        sql("UPDATE audit_chain_head SET last_position = 0, last_hash = ?, updated_at = NULL WHERE id = 1",
            (Object) ChainHead.GENESIS.hash());
    }

    /** Runs one statement over plain JDBC, outside everything the service does; the answer is the update count. */
    int sql(String statement, Object... parameters) {
        try (Connection connection = first().dataSource().getConnection();
             PreparedStatement prepared = prepare(connection, statement, parameters)) {
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** The first column of every row of a query. */
    List<Object> column(String query, Object... parameters) {
        try (Connection connection = first().dataSource().getConnection();
             PreparedStatement prepared = prepare(connection, query, parameters);
             ResultSet rows = prepared.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    long count(String query, Object... parameters) {
        return ((Number) column(query, parameters).getFirst()).longValue();
    }

    private static PreparedStatement prepare(Connection connection, String statement, Object... parameters)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        for (int i = 0; i < parameters.length; i++) {
            prepared.setObject(i + 1, parameters[i]);
        }
        return prepared;
    }

    @Override
    public void close() {
        pools.forEach(Database::close);
    }
}
