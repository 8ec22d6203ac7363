package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Rows;

/** The stages of overdue next-update promises that were acted on, one row each. */
final class PromiseRepository {

    private final Supplier<DbExecute> db;

    PromiseRepository(DbClient db) {
        this(db::execute);
    }

    private PromiseRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    PromiseRepository in(DbExecute tx) {
        return new PromiseRepository(() -> tx);
    }

    /** Claims one stage of one promise; false when it was claimed before (by this or another instance). */
    boolean claim(String caseId, LocalDate promisedBy, OverduePromises.Stage stage, String familyInspector,
                  Instant now) {
        return db.get().createNamedInsert("promise-escalation-claim")
                       .addParam("caseId", caseId).addParam("promisedBy", promisedBy).addParam("stage", stage.name())
                       .addParam("familyInspector", familyInspector).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    /** An escalated promise that is still open. */
    record Escalated(String caseId, String reference, String familyInspector, LocalDate promisedBy,
                     Instant escalatedAt) {
    }

    List<Escalated> escalatedOpen() {
        return db.get().createNamedQuery("promise-escalated-open").execute()
                .map(row -> new Escalated(Rows.text(row, "investigation_id"), Rows.text(row, "reference"),
                                          Rows.text(row, "family_inspector_name"), Rows.date(row, "promised_by"),
                                          Rows.instant(row, "created_at")))
                .toList();
    }
}
