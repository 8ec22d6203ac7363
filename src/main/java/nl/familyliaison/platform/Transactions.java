package nl.familyliaison.platform;

import java.sql.SQLException;
import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/**
 * Runs work in one database transaction: all of it is stored, or none of it. A transaction that InnoDB chose as a
 * deadlock victim was rolled back whole, so it is run again (a few times at most) instead of failing the request:
 * work given here must only change the database, never anything outside it.
 */
public final class Transactions {

    static final int ATTEMPTS = 3;
    private static final String DEADLOCK_STATE = "40001";

    private final DbClient db;

    public Transactions(DbClient db) {
        this.db = db;
    }

    public <T> T inTransaction(Function<DbTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private <T> T once(Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        try {
            T result = work.apply(tx);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    /** Whether the failure is (caused by) InnoDB rolling the transaction back as a deadlock victim. */
    public static boolean isDeadlock(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof SQLException sql
                                            && DEADLOCK_STATE.equals(sql.getSQLState()));
    }
}
