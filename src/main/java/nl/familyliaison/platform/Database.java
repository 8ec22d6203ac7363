package nl.familyliaison.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;

/**
 * The service's one MariaDB schema: an external server when {@code db.url} is set, otherwise an embedded server
 * under {@code <data.dir>/mariadb}. Gives a Hikari pool and a Helidon DB Client whose statements are the named
 * ones under {@code db.statements}.
 */
public final class Database implements AutoCloseable {

    private static final String EMBEDDED_SCHEMA = "family_liaison";

    private final HikariDataSource pool;
    private final DbClient client;
    private final HikariDataSource backgroundPool;
    private final DbClient backgroundClient;
    private final Optional<EmbeddedMariaDb> embedded;

    private Database(HikariDataSource pool, DbClient client, HikariDataSource backgroundPool,
                     DbClient backgroundClient, Optional<EmbeddedMariaDb> embedded) {
        this.pool = pool;
        this.client = client;
        this.backgroundPool = backgroundPool;
        this.backgroundClient = backgroundClient;
        this.embedded = embedded;
    }

    /**
     * Opens the database described by the {@code db} node.
     *
     * @param db      the {@code db} configuration node
     * @param dataDir the service's local data folder (only used for the embedded server)
     */
    public static Database open(Config db, Path dataDir) {
        Optional<String> url = db.get("url").asString().asOptional().filter(it -> !it.isBlank());
        Optional<EmbeddedMariaDb> embedded = Optional.empty();
        String jdbcUrl;
        String user;
        String password;
        if (url.isPresent()) {
            jdbcUrl = url.get();
            user = db.get("user").asString().orElse("");
            password = db.get("password").asString().orElse("");
        } else {
            EmbeddedMariaDb server = EmbeddedMariaDb.start(dataDir.resolve("mariadb"),
                                                           db.get("embedded.port").asInt().orElse(0));
            embedded = Optional.of(server);
            jdbcUrl = server.createDatabase(EMBEDDED_SCHEMA);
            user = EmbeddedMariaDb.USER;
            password = server.password();
        }
        HikariDataSource pool = pool("family-liaison", db.get("pool"), 12, jdbcUrl, user, password);
        // Background work (audit sealing, mail delivery) gets connections of its own, so a burst of requests can
        // never starve it and it can never starve the requests.
        HikariDataSource background = pool("family-liaison-background", db.get("background-pool"), 5, jdbcUrl, user,
                                           password);
        DbStatements statements = DbStatements.create(db.get("statements"));
        return new Database(pool, client(pool, statements), background, client(background, statements), embedded);
    }

    private static DbClient client(HikariDataSource pool, DbStatements statements) {
        return JdbcClientBuilder.create()
                .connectionPool(() -> connection(pool))
                .statements(statements)
                .build();
    }

    private static HikariDataSource pool(String name, Config pool, int defaultSize, String url, String user,
                                         String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(pool.get("size").asInt().orElse(defaultSize));
        // A request must not hang while the database is away: fail fast, answer 503, recover when it returns.
        long timeout = pool.get("connect-timeout").as(Duration.class).orElse(Duration.ofSeconds(2)).toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.min(timeout, 1000));
        // Start even when the database is not reachable yet; readiness says DOWN until it is.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    private static Connection connection(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }

    /** The pool, for Flyway, health checks and the few places that need plain JDBC (row locks). */
    public DataSource dataSource() {
        return pool;
    }

    /** The DB Client for named statements. */
    public DbClient client() {
        return client;
    }

    /** The DB Client for background workers, on a small pool of its own. */
    public DbClient backgroundClient() {
        return backgroundClient;
    }

    /** Whether the database answers right now, within {@code timeout}. */
    public boolean isReachable(Duration timeout) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The embedded server, when this database runs one. */
    public Optional<EmbeddedMariaDb> embedded() {
        return embedded;
    }

    /** Closes the pool, then stops an embedded server. */
    @Override
    public void close() {
        pool.close();
        backgroundPool.close();
        embedded.ifPresent(EmbeddedMariaDb::close);
    }

    /** No connection could be had: the database is down or unreachable. Answered with 503. */
    public static final class DatabaseUnavailableException extends DbClientException {
        DatabaseUnavailableException(SQLException cause) {
            super("The database is not reachable", cause);
        }
    }
}
