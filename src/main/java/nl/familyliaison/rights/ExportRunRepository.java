package nl.familyliaison.rights;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.platform.Rows;
import nl.familyliaison.platform.Transactions;

/** The leases of running exports, one row per member at most. */
final class ExportRunRepository {

    private final DbClient db;

    public ExportRunRepository(DbClient db) {
        this.db = db;
    }

    /** Takes the member's lease unless another run holds one that has not expired; true when taken. */
    boolean take(String accountId, String runId, Instant now, Instant until) {
        db.execute().createNamedDelete("export-run-delete-expired").addParam("accountId", accountId)
                .addParam("now", Rows.utc(now)).execute();
        try {
            return db.execute().createNamedInsert("export-run-insert").addParam("accountId", accountId)
                           .addParam("runId", runId).addParam("until", Rows.utc(until)).execute() == 1;
        } catch (RuntimeException e) {
            if (Transactions.isDeadlock(e)) {
                return false; // on Galera: another node inserted the same lease at the same moment, and won
            }
            throw e;
        }
    }

    /** Extends this run's lease; false when it is no longer this run's. */
    boolean renew(String accountId, String runId, Instant until) {
        return db.execute().createNamedUpdate("export-run-renew").addParam("accountId", accountId)
                       .addParam("runId", runId).addParam("until", Rows.utc(until)).execute() == 1;
    }

    void release(String accountId, String runId) {
        db.execute().createNamedDelete("export-run-delete").addParam("accountId", accountId)
                .addParam("runId", runId).execute();
    }

    /** When the lease the member's running export holds ends, if one does. */
    Optional<Instant> expiry(String accountId) {
        return db.execute().createNamedGet("export-run-expiry").addParam("accountId", accountId).execute()
                .map(row -> Rows.instant(row, "expires_at"));
    }
}
