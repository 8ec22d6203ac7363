package nl.familyliaison.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.platform.Rows;

/** The administrators' overview of cases: reference, phase, staff and next-update date, never content. */
final class CaseOverviewRepository {

    /** At most this many cases in one answer; one more is read to know whether there were more. */
    static final int LIMIT = 500;

    private final DbClient db;

    CaseOverviewRepository(DbClient db) {
        this.db = db;
    }

    /** One case in the overview; the family inspector is null while none is assigned. */
    record Row(String id, String reference, Investigation.Status status, String phase, LocalDate nextUpdateBy,
               String familyInspectorId, String familyInspectorName, long investigators) {
    }

    /** The cases matching {@code filter} (at most {@link #LIMIT} + 1), by next-update date in its direction. */
    List<Row> find(CaseOverview.Filter filter, LocalDate today) {
        String reference = filter.reference().toLowerCase(Locale.ROOT);
        String pattern = "%" + reference.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.execute().createNamedQuery("case-select-overview")
                .addParam("reference", reference).addParam("referencePattern", pattern)
                .addParam("phase", filter.phase()).addParam("overdue", filter.overdue() ? 1 : 0)
                .addParam("today", today).addParam("direction", filter.newestFirst() ? -1 : 1)
                .execute()
                .map(row -> new Row(Rows.text(row, "id"), Rows.text(row, "reference"),
                                    Investigation.Status.valueOf(Rows.text(row, "status")),
                                    Rows.text(row, "phase_code"), Rows.date(row, "next_update_by"),
                                    Rows.text(row, "inspector_id"), Rows.text(row, "inspector_name"),
                                    Rows.number(row, "investigators")))
                .toList();
    }
}
