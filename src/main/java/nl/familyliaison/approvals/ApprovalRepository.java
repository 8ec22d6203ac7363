package nl.familyliaison.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Rows;

/** Administrators' requests waiting for, or decided by, a second administrator. */
final class ApprovalRepository {

    private final Supplier<DbExecute> db;

    ApprovalRepository(DbClient db) {
        this(db::execute);
    }

    private ApprovalRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    ApprovalRepository in(DbExecute tx) {
        return new ApprovalRepository(() -> tx);
    }

    void insert(ApprovalRequest request) {
        db.get().createNamedInsert("approval-insert")
                .addParam("id", request.id()).addParam("kind", request.kind().name())
                .addParam("caseId", request.caseId()).addParam("details", request.details())
                .addParam("requestedBy", request.requestedBy()).addParam("now", Rows.utc(request.requestedAt()))
                .execute();
    }

    Optional<ApprovalRequest> byId(String id) {
        return db.get().createNamedGet("approval-select").addParam("id", id).execute()
                .map(ApprovalRepository::request);
    }

    List<ApprovalRequest> pending() {
        return db.get().createNamedQuery("approval-select-pending").execute().map(ApprovalRepository::request)
                .toList();
    }

    /** Decides a pending request of someone else; false when it was decided already (or is the decider's own). */
    boolean decide(String id, ApprovalRequest.Status status, String decidedBy, Instant now) {
        return db.get().createNamedUpdate("approval-decide")
                       .addParam("id", id).addParam("status", status.name()).addParam("decidedBy", decidedBy)
                       .addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    private static ApprovalRequest request(DbRow row) {
        return new ApprovalRequest(Rows.text(row, "id"), ApprovalRequest.Kind.valueOf(Rows.text(row, "kind")),
                                   Rows.text(row, "case_id"), Rows.text(row, "details"),
                                   ApprovalRequest.Status.valueOf(Rows.text(row, "status")),
                                   Rows.text(row, "requested_by"), Rows.instant(row, "requested_at"),
                                   Rows.text(row, "decided_by"), Rows.instant(row, "decided_at"));
    }
}
