package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Rows;

/** Absence covers: who stands in for which family inspector, from when until when. */
public final class CoverRepository {

    private final Supplier<DbExecute> db;

    public CoverRepository(DbClient db) {
        this(db::execute);
    }

    private CoverRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    CoverRepository in(DbExecute tx) {
        return new CoverRepository(() -> tx);
    }

    /** A cover with the names of both family inspectors. */
    public record Cover(String id, String absentId, String absentName, String substituteId, String substituteName,
                        String substituteEmail, LocalDate from, LocalDate until, String createdBy) {
    }

    void insert(Cover cover, Instant now) {
        db.get().createNamedInsert("cover-insert")
                .addParam("id", cover.id()).addParam("absentId", cover.absentId())
                .addParam("substituteId", cover.substituteId()).addParam("from", cover.from())
                .addParam("until", cover.until()).addParam("createdBy", cover.createdBy())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    /** Locks the account's row until the transaction ends: covers for one person are named one at a time. */
    void lock(String accountId) {
        db.get().createNamedGet("cover-lock-account").addParam("id", accountId).execute();
    }

    /** Whether {@code accountId} is away (covered) on any day from {@code from} to {@code until}. */
    boolean awayBetween(String accountId, LocalDate from, LocalDate until) {
        return db.get().createNamedGet("cover-select-overlapping").addParam("accountId", accountId)
                .addParam("from", from).addParam("until", until).execute().isPresent();
    }

    /** Covers not ended and not over on {@code today}; of one family inspector (absent or substitute), or all. */
    List<Cover> current(Optional<String> accountId, LocalDate today) {
        return accountId.map(id -> db.get().createNamedQuery("cover-select-of-staff").addParam("accountId", id))
                .orElseGet(() -> db.get().createNamedQuery("cover-select-all-current"))
                .addParam("today", today).execute().map(CoverRepository::cover).toList();
    }

    /** The covers in force on {@code today} for the family inspectors of one case. */
    public List<Cover> ofCase(String caseId, LocalDate today) {
        return db.get().createNamedQuery("cover-select-of-case").addParam("caseId", caseId)
                .addParam("today", today).execute().map(CoverRepository::cover).toList();
    }

    Optional<Cover> byId(String id) {
        return db.get().createNamedGet("cover-select").addParam("id", id).execute().map(CoverRepository::cover);
    }

    boolean end(String id, Instant now) {
        return db.get().createNamedUpdate("cover-end").addParam("id", id).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    /** Active family inspectors (who may stand in), by name. */
    List<Substitute> substitutes() {
        return db.get().createNamedQuery("cover-substitutes").execute()
                .map(row -> new Substitute(Rows.text(row, "id"), Rows.text(row, "display_name"))).toList();
    }

    /** A family inspector who can stand in. */
    record Substitute(String id, String name) {
    }

    private static Cover cover(DbRow row) {
        return new Cover(Rows.text(row, "id"), Rows.text(row, "absent_id"), Rows.text(row, "absent_name"),
                         Rows.text(row, "substitute_id"), Rows.text(row, "substitute_name"),
                         Rows.text(row, "substitute_email"), Rows.date(row, "starts_on"), Rows.date(row, "ends_on"),
                         Rows.text(row, "created_by"));
    }
}
