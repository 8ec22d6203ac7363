package nl.familyliaison.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import io.helidon.config.Config;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Rows;

/**
 * Shared buckets kept as one row of tokens each and taken in the caller's transaction: one upsert and one read,
 * instead of a transaction of their own; a refused caller rolls its whole write back. Each attempt names itself
 * (a random id) so it can tell from the row whether the upsert gave it the token, whatever the driver reports as
 * affected rows.
 */
final class TokenRepository {

    private static final int DELETE_BATCH = 500;

    private final DataSource dataSource;
    private final String deleteExpired;

    TokenRepository(DataSource dataSource, Config statements) {
        this.dataSource = dataSource;
        this.deleteExpired = BucketStatements.named(statements, "ratelimit-delete-expired-tokens");
    }

    /** @return 0 when a token was taken, else how many milliseconds until the next one */
    long takeOne(DbExecute tx, RateLimitPolicy policy, String bucketId, long nowMillis) {
        String attempt = UUID.randomUUID().toString();
        long periodMillis = policy.period().toMillis();
        tx.createNamedDmlStatement("ratelimit-take-token").addParam("key", bucketId)
                .addParam("capacity", policy.capacity()).addParam("now", nowMillis).addParam("attempt", attempt)
                .addParam("periodMillis", periodMillis).addParam("expiresAt", nowMillis + periodMillis).execute();
        DbRow row = tx.createNamedGet("ratelimit-tokens-taken").addParam("key", bucketId).addParam("attempt", attempt)
                .execute().orElseThrow(() -> new IllegalStateException("The token row of " + policy.name()
                                                                       + " vanished in its own transaction"));
        if (Rows.flag(row, "taken")) {
            return 0;
        }
        double tokens = ((Number) row.column("tokens").get(Object.class)).doubleValue();
        long elapsed = Math.max(0, nowMillis - Rows.number(row, "refilled_at"));
        double now = Math.min(policy.capacity(), tokens + (double) elapsed * policy.capacity() / periodMillis);
        return Math.max(1, (long) Math.ceil((1 - now) * periodMillis / policy.capacity()));
    }

    /** Deletes the rows that are full again, in small batches so no delete holds up a post for long. */
    int removeExpired(long nowMillis) {
        int removed = 0;
        int batch;
        do {
            batch = deleteBatch(nowMillis);
            removed += batch;
        } while (batch == DELETE_BATCH);
        return removed;
    }

    private int deleteBatch(long nowMillis) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(deleteExpired)) {
            delete.setLong(1, nowMillis);
            delete.setInt(2, DELETE_BATCH);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete the expired rate limit tokens", e);
        }
    }
}
