package nl.familyliaison.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions.BucketExecutionException;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.helidon.config.Config;

/**
 * Bucket4j buckets in the MariaDB table {@code rate_limit_bucket}, so that every instance of the service counts
 * against the same limit. One attempt is one short transaction: lock the bucket's row, let Bucket4j work out the new
 * state, write it back with the time at which the bucket will be full again. A bucket without a row first gets an
 * empty one in a transaction of its own (insert-ignore: when instances race, one row results), then is locked as
 * usual. The SQL is the named statements of {@code statements/ratelimit.yaml}.
 */
public final class MariaDbProxyManager extends AbstractSelectForUpdateBasedProxyManager<String>
        implements ExpiredEntriesCleaner {

    /** Rows outlive "full again" by a minute, so instances whose clocks differ a little never delete a live one. */
    private static final ExpirationAfterWriteStrategy EXPIRY =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
    /** An attempt that waits this long for its row (held by a stuck transaction) fails instead of hanging. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final DataSource dataSource;
    private final BucketStatements sql;

    /**
     * @param dataSource the service's connection pool
     * @param statements the {@code db.statements} node holding the {@code ratelimit-…} statements
     * @param clock      the time that drives refills and expiry
     */
    public MariaDbProxyManager(DataSource dataSource, Config statements, TimeMeter clock) {
        super(ClientSideConfig.getDefault()
                      .withClientClock(clock)
                      .withExpirationAfterWriteStrategy(EXPIRY)
                      .withRequestTimeout(REQUEST_TIMEOUT));
        this.dataSource = dataSource;
        this.sql = BucketStatements.from(statements);
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String id, Optional<Long> timeoutNanos) {
        return new Transaction(id, call(dataSource::getConnection));
    }

    @Override
    public void removeProxy(String id) {
        call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return write(connection, sql.delete(), Optional.empty(), id);
            }
        });
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    /** Deletes up to {@code batchSize} buckets that are full again, and says how many it deleted. */
    @Override
    public int removeExpired(int batchSize) {
        return call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return write(connection, sql.deleteExpired(), Optional.empty(), nowMillis(), batchSize);
            }
        });
    }

    private long expiresAt(RemoteBucketState state) {
        long timeToLive = EXPIRY.calculateTimeToLiveMillis(state, currentTimeNanos());
        return timeToLive < 0 ? Long.MAX_VALUE : nowMillis() + timeToLive;
    }

    private long nowMillis() {
        return currentTimeNanos() / NANOS_PER_MILLI;
    }

    private PreparedStatement prepare(Connection connection, String statement, Optional<Long> timeoutNanos,
                                      Object... parameters) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        applyTimeout(prepared, timeoutNanos);
        for (int i = 0; i < parameters.length; i++) {
            prepared.setObject(i + 1, parameters[i]);
        }
        return prepared;
    }

    private int write(Connection connection, String statement, Optional<Long> timeoutNanos, Object... parameters)
            throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement, timeoutNanos, parameters)) {
            return prepared.executeUpdate();
        }
    }

    /** One attempt's transaction on one pooled connection (the pool resets auto-commit when it gets it back). */
    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final String id;
        private final Connection connection;

        Transaction(String id, Connection connection) {
            this.id = id;
            this.connection = connection;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            run(() -> connection.setAutoCommit(false));
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            return call(() -> {
                try (PreparedStatement select = prepare(connection, sql.lock(), timeoutNanos, id);
                     ResultSet row = select.executeQuery()) {
                    return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                }
            });
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try {
                write(connection, sql.create(), timeoutNanos, id);
                return true;
            } catch (SQLTransactionRollbackException raceLost) {
                // Another instance created the row at the same moment; Bucket4j retries and locks that one.
                return false;
            } catch (SQLException e) {
                throw new BucketExecutionException(e);
            }
        }

        @Override
        public void update(byte[] state, RemoteBucketState newState, Optional<Long> timeoutNanos) {
            call(() -> write(connection, sql.save(), timeoutNanos, state, expiresAt(newState), id));
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            run(connection::commit);
        }

        /**
         * Bucket4j rolls back when a step failed; on a connection the database dropped the rollback fails too, and
         * its "Connection is closed" would hide the failure that says why. Nothing is left to undo then: the
         * database ends the transaction with the connection.
         */
        @Override
        public void rollback() {
            try {
                connection.rollback();
            } catch (SQLException alreadyGone) {
                // the first failure goes on up
            }
        }

        @Override
        public void release() {
            run(connection::close);
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private interface SqlRun {
        void run() throws SQLException;
    }

    /** Bucket4j expects its own exception; the SQL cause stays attached, so an unreachable database still says so. */
    private static <T> T call(SqlCall<T> work) {
        try {
            return work.call();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
    }

    private static void run(SqlRun work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
