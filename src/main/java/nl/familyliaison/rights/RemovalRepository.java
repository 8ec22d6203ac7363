package nl.familyliaison.rights;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Rows;

/** Members' requests to be removed. */
final class RemovalRepository {

    private final Supplier<DbExecute> db;

    public RemovalRepository(DbClient db) {
        this(db::execute);
    }

    private RemovalRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    RemovalRepository in(DbExecute tx) {
        return new RemovalRepository(() -> tx);
    }

    /** An open request: whose, their name as it is now, and since when. */
    record Request(String id, String accountId, String name, Instant requestedAt) {
    }

    void insert(String id, String accountId, Instant now) {
        db.get().createNamedInsert("removal-insert").addParam("id", id).addParam("accountId", accountId)
                .addParam("now", Rows.utc(now)).execute();
    }

    List<Request> openOf(String accountId) {
        return db.get().createNamedQuery("removal-open-of-account").addParam("accountId", accountId).execute()
                .map(RemovalRepository::request).toList();
    }

    List<Request> openForInspector(String staffId) {
        return db.get().createNamedQuery("removal-open-for-inspector").addParam("staffId", staffId).execute()
                .map(RemovalRepository::request).toList();
    }

    /** A member account to forget: its id and its address as it is now. */
    record Former(String accountId, String email) {
    }

    /** The member accounts of {@code caseId} with no other case that is not purged (not removed already). */
    List<Former> formerMembersOf(String caseId) {
        return db.get().createNamedQuery("removal-former-members-of-case").addParam("caseId", caseId).execute()
                .map(row -> new Former(Rows.text(row, "id"), Rows.text(row, "email"))).toList();
    }

    boolean confirm(String id, String staffId, Instant now) {
        return db.get().createNamedUpdate("removal-confirm").addParam("id", id).addParam("staffId", staffId)
                       .addParam("now", Rows.utc(now)).execute() == 1;
    }

    private static Request request(DbRow row) {
        return new Request(Rows.text(row, "id"), Rows.text(row, "account_id"), Rows.text(row, "display_name"),
                           Rows.instant(row, "requested_at"));
    }
}
