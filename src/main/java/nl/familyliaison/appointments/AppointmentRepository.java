package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementQuery;
import nl.familyliaison.platform.KeyRing.Sealed;
import nl.familyliaison.platform.Rows;

/** Proposals, slots, answers, appointments, the people taking part and the history, as stored. */
final class AppointmentRepository {

    private final Supplier<DbExecute> db;

    AppointmentRepository(DbClient db) {
        this(db::execute);
    }

    private AppointmentRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    AppointmentRepository in(DbExecute tx) {
        return new AppointmentRepository(() -> tx);
    }

    /** A proposal's own row; its free texts still sealed. */
    record StoredProposal(String id, String caseId, String proposedBy, InterviewMode mode, Sealed details,
                          Proposal.Status status, Instant createdAt) {
    }

    /** An answer's row; the member's words still sealed. */
    record StoredAnswer(String memberId, Answer.Choice choice, String slotId, Sealed words, Instant answeredAt,
                        String answeredBy) {
    }

    /** An appointment's own row; its free texts still sealed. */
    record StoredAppointment(String id, String caseId, String proposalId, InterviewMode mode, Sealed details,
                             TimeSlot time, Appointment.Status status, int sequence) {
    }

    /** A history line; the reason still sealed. */
    record StoredChange(String id, Change.Kind kind, String actorId, TimeSlot time, Sealed reason, Instant at) {
    }

    void insertProposal(StoredProposal proposal) {
        db.get().createNamedInsert("proposal-insert")
                .addParam("id", proposal.id()).addParam("caseId", proposal.caseId())
                .addParam("proposedBy", proposal.proposedBy()).addParam("mode", proposal.mode().name())
                .addParam("detailsKeyId", proposal.details().keyId()).addParam("details", proposal.details().bytes())
                .addParam("now", Rows.utc(proposal.createdAt()))
                .execute();
    }

    void insertSlot(String proposalId, Proposal.Slot slot) {
        db.get().createNamedInsert("proposal-slot-insert")
                .addParam("id", slot.id()).addParam("proposalId", proposalId).addParam("position", slot.position())
                .addParam("startsAt", Rows.utc(slot.time().start())).addParam("endsAt", Rows.utc(slot.time().end()))
                .execute();
    }

    void insertProposalStaff(String proposalId, String accountId) {
        db.get().createNamedInsert("proposal-staff-insert")
                .addParam("proposalId", proposalId).addParam("accountId", accountId).execute();
    }

    void insertProposalMember(String proposalId, String memberId) {
        db.get().createNamedInsert("proposal-member-insert")
                .addParam("proposalId", proposalId).addParam("memberId", memberId).execute();
    }

    Optional<StoredProposal> proposal(String id) {
        return db.get().createNamedGet("proposal-select").addParam("id", id).execute()
                .map(AppointmentRepository::storedProposal);
    }

    /** Locks the proposal until the end of the transaction and gives its status then. */
    Optional<Proposal.Status> lockProposal(String id) {
        return db.get().createNamedGet("proposal-lock").addParam("id", id).execute()
                .map(row -> Proposal.Status.valueOf(Rows.text(row, "status")));
    }

    List<StoredProposal> proposalsOfCase(String caseId) {
        return db.get().createNamedQuery("proposals-of-case").addParam("caseId", caseId).execute()
                .map(AppointmentRepository::storedProposal).toList();
    }

    List<Proposal.Slot> slots(String proposalId) {
        return db.get().createNamedQuery("proposal-slots").addParam("proposalId", proposalId).execute()
                .map(row -> new Proposal.Slot(Rows.text(row, "id"), (int) Rows.number(row, "position"),
                                              time(row)))
                .toList();
    }

    List<String> proposalStaff(String proposalId) {
        return ids(db.get().createNamedQuery("proposal-staff"), "proposalId", proposalId, "account_id");
    }

    List<String> proposalMembers(String proposalId) {
        return ids(db.get().createNamedQuery("proposal-members"), "proposalId", proposalId, "member_id");
    }

    /** The appointment confirmed from a proposal, if any. */
    Optional<String> appointmentOf(String proposalId) {
        return db.get().createNamedGet("appointment-of-proposal").addParam("proposalId", proposalId).execute()
                .map(row -> Rows.text(row, "id"));
    }

    void setProposalStatus(String id, Proposal.Status status, Instant now) {
        db.get().createNamedUpdate("proposal-set-status")
                .addParam("id", id).addParam("status", status.name()).addParam("now", Rows.utc(now)).execute();
    }

    void saveAnswer(String proposalId, StoredAnswer answer) {
        db.get().createNamedInsert("answer-upsert")
                .addParam("proposalId", proposalId).addParam("memberId", answer.memberId())
                .addParam("choice", answer.choice().name()).addParam("slotId", answer.slotId())
                .addParam("detailsKeyId", answer.words().keyId()).addParam("details", answer.words().bytes())
                .addParam("now", Rows.utc(answer.answeredAt())).addParam("answeredBy", answer.answeredBy())
                .execute();
    }

    List<StoredAnswer> answers(String proposalId) {
        return db.get().createNamedQuery("answers-of-proposal").addParam("proposalId", proposalId).execute()
                .map(row -> new StoredAnswer(Rows.text(row, "member_id"),
                                             Answer.Choice.valueOf(Rows.text(row, "choice")),
                                             Rows.text(row, "slot_id"), sealed(row, "details_key_id", "details"),
                                             Rows.instant(row, "answered_at"), Rows.text(row, "answered_by")))
                .toList();
    }

    /** Takes the agenda lock of a staff member (their account row) until the end of the transaction. */
    void lockAgenda(String accountId) {
        db.get().createNamedGet("agenda-lock").addParam("accountId", accountId).execute();
    }

    /** Whether the staff member has another live appointment sharing a moment with {@code time}. */
    boolean clashes(String accountId, TimeSlot time, String exceptAppointmentId) {
        return db.get().createNamedGet("agenda-clashes")
                .addParam("accountId", accountId).addParam("startsAt", Rows.utc(time.start()))
                .addParam("endsAt", Rows.utc(time.end())).addParam("except", exceptAppointmentId)
                .execute().isPresent();
    }

    void insertAppointment(StoredAppointment appointment, Instant now) {
        db.get().createNamedInsert("appointment-insert")
                .addParam("id", appointment.id()).addParam("caseId", appointment.caseId())
                .addParam("proposalId", appointment.proposalId()).addParam("mode", appointment.mode().name())
                .addParam("detailsKeyId", appointment.details().keyId())
                .addParam("details", appointment.details().bytes())
                .addParam("startsAt", Rows.utc(appointment.time().start()))
                .addParam("endsAt", Rows.utc(appointment.time().end()))
                .addParam("now", Rows.utc(now))
                .execute();
    }

    void insertAppointmentStaff(String appointmentId, String accountId, TimeSlot time) {
        db.get().createNamedInsert("appointment-staff-insert")
                .addParam("appointmentId", appointmentId).addParam("accountId", accountId)
                .addParam("startsAt", Rows.utc(time.start())).addParam("endsAt", Rows.utc(time.end()))
                .execute();
    }

    void insertAppointmentMember(String appointmentId, String memberId) {
        db.get().createNamedInsert("appointment-member-insert")
                .addParam("appointmentId", appointmentId).addParam("memberId", memberId).execute();
    }

    Optional<StoredAppointment> appointment(String id) {
        return db.get().createNamedGet("appointment-select").addParam("id", id).execute()
                .map(AppointmentRepository::storedAppointment);
    }

    /** Locks the appointment until the end of the transaction and gives its status then. */
    Optional<Appointment.Status> lockAppointment(String id) {
        return db.get().createNamedGet("appointment-lock").addParam("id", id).execute()
                .map(row -> Appointment.Status.valueOf(Rows.text(row, "status")));
    }

    List<StoredAppointment> appointmentsOfCase(String caseId) {
        return db.get().createNamedQuery("appointments-of-case").addParam("caseId", caseId).execute()
                .map(AppointmentRepository::storedAppointment).toList();
    }

    List<StoredAppointment> upcomingOfStaff(String accountId, Instant now) {
        return upcoming(db.get().createNamedQuery("appointments-upcoming-of-staff"), accountId, now);
    }

    List<StoredAppointment> upcomingOfMember(String accountId, Instant now) {
        return upcoming(db.get().createNamedQuery("appointments-upcoming-of-member"), accountId, now);
    }

    List<String> appointmentStaff(String appointmentId) {
        return ids(db.get().createNamedQuery("appointment-staff"), "appointmentId", appointmentId, "account_id");
    }

    List<String> appointmentMembers(String appointmentId) {
        return ids(db.get().createNamedQuery("appointment-members"), "appointmentId", appointmentId, "member_id");
    }

    void move(String id, TimeSlot time, Instant now) {
        db.get().createNamedUpdate("appointment-move")
                .addParam("id", id).addParam("startsAt", Rows.utc(time.start()))
                .addParam("endsAt", Rows.utc(time.end())).addParam("now", Rows.utc(now)).execute();
        db.get().createNamedUpdate("appointment-staff-move")
                .addParam("id", id).addParam("startsAt", Rows.utc(time.start()))
                .addParam("endsAt", Rows.utc(time.end())).execute();
    }

    void cancel(String id, Instant now) {
        db.get().createNamedUpdate("appointment-cancel").addParam("id", id).addParam("now", Rows.utc(now)).execute();
        db.get().createNamedUpdate("appointment-staff-free").addParam("id", id).execute();
    }

    void insertChange(String appointmentId, StoredChange change) {
        db.get().createNamedInsert("appointment-change-insert")
                .addParam("id", change.id()).addParam("appointmentId", appointmentId)
                .addParam("kind", change.kind().name()).addParam("actorId", change.actorId())
                .addParam("startsAt", change.time() == null ? null : Rows.utc(change.time().start()))
                .addParam("endsAt", change.time() == null ? null : Rows.utc(change.time().end()))
                .addParam("reasonKeyId", change.reason().keyId()).addParam("reason", change.reason().bytes())
                .addParam("now", Rows.utc(change.at()))
                .execute();
    }

    List<StoredChange> changes(String appointmentId) {
        return db.get().createNamedQuery("appointment-changes").addParam("appointmentId", appointmentId).execute()
                .map(row -> new StoredChange(Rows.text(row, "id"), Change.Kind.valueOf(Rows.text(row, "kind")),
                                             Rows.text(row, "actor_id"),
                                             Rows.instant(row, "starts_at") == null ? null : time(row),
                                             sealed(row, "reason_key_id", "reason"),
                                             Rows.instant(row, "changed_at")))
                .toList();
    }

    private static List<StoredAppointment> upcoming(DbStatementQuery query, String accountId, Instant now) {
        return query.addParam("accountId", accountId)
                .addParam("now", Rows.utc(now)).execute()
                .map(AppointmentRepository::storedAppointment).toList();
    }

    private static List<String> ids(DbStatementQuery query, String param, String value, String column) {
        return query.addParam(param, value).execute()
                .map(row -> Rows.text(row, column)).toList();
    }

    private static StoredProposal storedProposal(DbRow row) {
        return new StoredProposal(Rows.text(row, "id"), Rows.text(row, "investigation_id"),
                                  Rows.text(row, "proposed_by"),
                                  InterviewMode.valueOf(Rows.text(row, "interview_mode")),
                                  sealed(row, "details_key_id", "details"),
                                  Proposal.Status.valueOf(Rows.text(row, "status")),
                                  Rows.instant(row, "created_at"));
    }

    static StoredAppointment storedAppointment(DbRow row) {
        return new StoredAppointment(Rows.text(row, "id"), Rows.text(row, "investigation_id"),
                                     Rows.text(row, "proposal_id"),
                                     InterviewMode.valueOf(Rows.text(row, "interview_mode")),
                                     sealed(row, "details_key_id", "details"), time(row),
                                     Appointment.Status.valueOf(Rows.text(row, "status")),
                                     (int) Rows.number(row, "sequence"));
    }

    private static TimeSlot time(DbRow row) {
        return new TimeSlot(Rows.instant(row, "starts_at"), Rows.instant(row, "ends_at"));
    }

    static Sealed sealed(DbRow row, String keyColumn, String bytesColumn) {
        return new Sealed(Rows.text(row, keyColumn), Rows.bytes(row, bytesColumn));
    }
}
