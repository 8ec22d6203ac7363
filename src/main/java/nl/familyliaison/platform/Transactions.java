package nl.familyliaison.platform;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/** Runs work in one database transaction: all of it is stored, or none of it. */
public final class Transactions {

    private final DbClient db;

    public Transactions(DbClient db) {
        this.db = db;
    }

    public <T> T inTransaction(Function<DbTransaction, T> work) {
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
}
