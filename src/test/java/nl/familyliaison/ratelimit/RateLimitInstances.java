package nl.familyliaison.ratelimit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Migrations;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;

/**
 * One migrated database of the shared test MariaDB, and as many "service instances" on it as a test wants: each
 * instance has its own connection pool and its own {@link RateLimiter}, as separate processes would.
 */
final class RateLimitInstances implements AutoCloseable {

    /** One key for every instance, as a shared crypto key would give them. */
    static final byte[] BUCKET_ID_KEY = "a test key for bucket ids, 32 b.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Map<String, String> settings = new HashMap<>();
    private final List<Database> pools = new ArrayList<>();

    RateLimitInstances(Map<String, String> settings) {
        this.settings.putAll(settings);
        this.settings.put("db.url", TestDatabase.newDatabase());
        this.settings.put("db.user", "root");
        this.settings.put("db.password", TestDatabase.password());
        // Many attempts at once queue for a pool connection; they must wait their turn, not give up.
        this.settings.put("db.pool.connect-timeout", "PT10S");
        Migrations.apply(open().dataSource(), Path.of("migrations"));
    }

    Config config() {
        return TestService.config(settings);
    }

    /** A new instance: a new pool on the same database and a limiter on it, driven by {@code clock}. */
    RateLimiter limiter(Clock clock) {
        Config config = config();
        return new RateLimiter(open().dataSource(), config.get("db.statements"), config.get("rate-limits"), clock,
                               BUCKET_ID_KEY);
    }

    /** The ids of the shared buckets, as they are stored. */
    List<String> bucketIds() throws SQLException {
        try (Connection connection = pools.getFirst().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM rate_limit_bucket")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** Takes every token the key has. */
    static void useUp(RateLimiter limiter, String policy, String key, int capacity) {
        for (int i = 0; i < capacity; i++) {
            limiter.consume(policy, key);
        }
    }

    private Database open() {
        Database database = Database.open(config().get("db"), Path.of("unused"));
        pools.add(database);
        return database;
    }

    @Override
    public void close() {
        pools.forEach(Database::close);
    }
}
