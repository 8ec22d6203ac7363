package nl.familyliaison.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Migrations;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database of its own on the shared test MariaDB, with as many pools (think: service instances) on it as a
 * test wants, and plain JDBC for what an intruder with database access would do. Registered as an extension
 * ({@link #perTestClass()}), it opens before a test class and closes after it.
 */
final class AuditDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides;
    private final List<Database> pools = new ArrayList<>();
    private Map<String, String> settings;

    private AuditDatabase(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    static AuditDatabase create() {
        return create(Map.of());
    }

    /** With {@code overrides} (such as {@code db.pool.size}) over the service's defaults. */
    static AuditDatabase create(Map<String, String> overrides) {
        AuditDatabase database = new AuditDatabase(overrides);
        database.open();
        return database;
    }

    /** For {@code @RegisterExtension}: one database for all tests of a class. */
    static AuditDatabase perTestClass() {
        return new AuditDatabase(Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** An empty access log on this database, wired as the service wires it, sealing in batches of {@code batchSize}. */
    AuditParts emptyLog(int batchSize) {
        reset();
        return AuditParts.on(first(), batchSize);
    }

    private void open() {
        Map<String, String> all = new HashMap<>(overrides);
        all.put("db.url", TestDatabase.newDatabase());
        all.put("db.user", "root");
        all.put("db.password", TestDatabase.password());
        settings = Map.copyOf(all);
        Migrations.apply(first().dataSource(), Path.of("migrations"));
    }

    /** The first pool. */
    Database first() {
        return pools.isEmpty() ? another() : pools.getFirst();
    }

    /** One more pool on the same database, as a second instance of the service would have. */
    Database another() {
        Database database = Database.open(TestService.config(settings).get("db"),
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
        pools.clear();
    }
}
