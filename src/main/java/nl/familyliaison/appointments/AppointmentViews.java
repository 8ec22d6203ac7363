package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;

/**
 * What the API shows of scheduling. Times are UTC instants; clients show them in Europe/Amsterdam. A proposal and an
 * appointment are public: the data export of rights/ holds them as the routes give them.
 */
public final class AppointmentViews {

    private AppointmentViews() {
    }

    /** A person taking part: a staff account or a case membership, with the name others see. */
    record PersonView(String id, String name) {
    }

    record SlotView(String id, int number, Instant start, Instant end) {
    }

    /** An answer; {@code answeredBy}: the representative who gave it on the member's behalf (absent otherwise). */
    record AnswerView(String memberId, String name, Answer.Choice choice, String slotId, List<TimeSlot> otherTimes,
                      String note, Instant answeredAt, PersonView answeredBy) {
    }

    public record ProposalView(String id, String caseId, Proposal.Status status, InterviewMode mode, String place,
                        String note, Instant createdAt, PersonView proposedBy, List<SlotView> slots,
                        List<PersonView> staff, List<PersonView> members, List<AnswerView> answers,
                        String appointmentId, List<NeedsView> needs, boolean mayAnswer, PersonView answeringFor) {
    }

    /** What one invited member needs to take part; staff see everyone's, a member only their own. */
    record NeedsView(String memberId, String name, String interpreterLanguage, String accessibility,
                     boolean supportPerson) {
    }

    /** Whether the interview was held and staff's note on it: for staff only. */
    record OutcomeView(Outcome.Kind outcome, String note, Instant recordedAt, PersonView recordedBy) {
    }

    record ChangeView(Change.Kind kind, PersonView by, Instant start, Instant end, String reason, Instant at) {
    }

    public record AppointmentView(String id, String caseId, String proposalId, Appointment.Status status,
                           InterviewMode mode, String place, String note, Instant start, Instant end, int sequence,
                           List<PersonView> staff, List<PersonView> members, List<ChangeView> history,
                           String calendarFile, List<NeedsView> needs, OutcomeView outcome,
                           Boolean outcomeOpen) {
    }
}
