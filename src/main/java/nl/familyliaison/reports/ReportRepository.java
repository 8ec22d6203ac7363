package nl.familyliaison.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Rows;

/** The aggregate statements behind the figures: counts per month and family inspector, and answer times. */
final class ReportRepository {

    private final DbClient db;

    ReportRepository(DbClient db) {
        this.db = db;
    }

    /** Two counts for one month ({@code yyyy-MM}) and family inspector (null: the case has none). */
    record Counted(String month, String inspectorId, String inspectorName, long first, long second) {
    }

    /** One question of a member and when a staff member first answered it. */
    record Answer(String inspectorId, String inspectorName, Instant askedAt, Instant answeredAt) {
    }

    /** Next-update promises due from {@code from} to before {@code today}: how many, and how many kept on time. */
    List<Counted> promises(LocalDate from, LocalDate today) {
        return db.execute().createNamedQuery("report-promises").addParam("from", from).addParam("today", today)
                .execute().map(row -> counted(row, "due", "kept")).toList();
    }

    /** Interviews held and not held, planned from {@code from} on. */
    List<Counted> interviews(LocalDate from) {
        return db.execute().createNamedQuery("report-interviews").addParam("from", from)
                .execute().map(row -> counted(row, "held", "not_held")).toList();
    }

    /** Mails to members that failed for good from {@code from} on. */
    List<Counted> failedMails(LocalDate from) {
        return db.execute().createNamedQuery("report-failed-mails").addParam("from", from)
                .execute().map(row -> counted(row, "failed", null)).toList();
    }

    /** The same mails per month, each counted once however many family inspectors it counts for. */
    List<Counted> failedMailTotals(LocalDate from) {
        return db.execute().createNamedQuery("report-failed-mails-total").addParam("from", from)
                .execute().map(row -> counted(row, "failed", null)).toList();
    }

    /** Members' questions asked from {@code from} on that have been answered. */
    List<Answer> answers(LocalDate from) {
        return db.execute().createNamedQuery("report-answers").addParam("from", from).execute()
                .map(row -> new Answer(Rows.text(row, "inspector_id"), Rows.text(row, "inspector_name"),
                                       Rows.instant(row, "asked_at"), Rows.instant(row, "answered_at")))
                .toList();
    }

    private static Counted counted(DbRow row, String first, String second) {
        return new Counted(Rows.text(row, "month"), Rows.text(row, "inspector_id"), Rows.text(row, "inspector_name"),
                           Rows.number(row, first), second == null ? 0 : Rows.number(row, second));
    }
}
