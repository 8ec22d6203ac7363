package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.appointments.AppointmentRepository.StoredAppointment;
import nl.familyliaison.platform.KeyRing.Sealed;
import nl.familyliaison.platform.Rows;

/** Members' needs for an interview, a staff member's agenda and free/busy, and the outcome, as stored. */
final class InterviewWorkRepository {

    private final Supplier<DbExecute> db;

    InterviewWorkRepository(DbClient db) {
        this(db::execute);
    }

    private InterviewWorkRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    InterviewWorkRepository in(DbExecute tx) {
        return new InterviewWorkRepository(() -> tx);
    }

    /** One member's needs, still sealed. */
    record StoredNeeds(String memberId, Sealed needs) {
    }

    /** The outcome of an interview; the note still sealed. */
    record StoredOutcome(Outcome.Kind kind, Sealed note, Instant recordedAt, String recordedBy) {
    }

    void insertNeeds(String proposalId, StoredNeeds needs) {
        db.get().createNamedInsert("need-insert")
                .addParam("proposalId", proposalId).addParam("memberId", needs.memberId())
                .addParam("keyId", needs.needs().keyId()).addParam("needs", needs.needs().bytes())
                .execute();
    }

    List<StoredNeeds> needs(String proposalId) {
        return db.get().createNamedQuery("needs-of-proposal").addParam("proposalId", proposalId).execute()
                .map(row -> new StoredNeeds(Rows.text(row, "member_id"),
                                            AppointmentRepository.sealed(row, "needs_key_id", "needs")))
                .toList();
    }

    /** The staff member's appointments that share a moment with {@code time}, over all cases. */
    List<StoredAppointment> agenda(String accountId, TimeSlot time) {
        return db.get().createNamedQuery("agenda-of-staff").addParam("accountId", accountId)
                .addParam("from", Rows.utc(time.start())).addParam("until", Rows.utc(time.end())).execute()
                .map(AppointmentRepository::storedAppointment).toList();
    }

    /** When the staff member is taken by a live appointment within {@code time}; nothing else of it. */
    List<TimeSlot> busy(String accountId, TimeSlot time) {
        return db.get().createNamedQuery("busy-of-staff").addParam("accountId", accountId)
                .addParam("from", Rows.utc(time.start())).addParam("until", Rows.utc(time.end())).execute()
                .map(row -> new TimeSlot(Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"))).toList();
    }

    void saveOutcome(String appointmentId, StoredOutcome outcome) {
        db.get().createNamedUpdate("outcome-save")
                .addParam("id", appointmentId).addParam("outcome", outcome.kind().name())
                .addParam("now", Rows.utc(outcome.recordedAt())).addParam("by", outcome.recordedBy())
                .addParam("keyId", outcome.note().keyId()).addParam("note", outcome.note().bytes())
                .execute();
    }

    Optional<StoredOutcome> outcome(String appointmentId) {
        return db.get().createNamedGet("outcome-select").addParam("id", appointmentId).execute()
                .map(row -> new StoredOutcome(Outcome.Kind.valueOf(Rows.text(row, "outcome")),
                                              AppointmentRepository.sealed(row, "outcome_note_key_id",
                                                                           "outcome_note"),
                                              Rows.instant(row, "outcome_recorded_at"),
                                              Rows.text(row, "outcome_recorded_by")));
    }
}
