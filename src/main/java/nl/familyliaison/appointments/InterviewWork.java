package nl.familyliaison.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * Staff's side of interviews: what invited members need to take part, a staff member's week over all cases, the
 * free/busy of colleagues while times are proposed, and what staff record once an interview has started.
 */
record InterviewWork(InterviewWorkRepository store, CaseRepository cases, Vault vault, Clock clock) {

    /** The longest window free/busy is given for: a proposal's times lie within a year. */
    static final Duration LONGEST_BUSY_WINDOW = Duration.ofDays(366);

    /** Now, by the service's clock: whether an interview has started is the service's to say. */
    Instant now() {
        return clock.instant();
    }

    /** The same rules reading and writing inside {@code tx}. */
    InterviewWork in(DbExecute tx) {
        return new InterviewWork(store.in(tx), cases.in(tx), vault, clock);
    }

    /** Busy periods of one staff member: times only. */
    record Busy(String accountId, Instant start, Instant end) {
    }

    record NewOutcome(Outcome.Kind outcome, String note) {
    }

    /** Seals and stores the needs given with a new proposal (checked against the members it invites). */
    void saveNeeds(Proposal proposal, List<Needs.ForMember> given) {
        Map<String, Needs> needs = Needs.checked(given, proposal.memberIds());
        needs.forEach((memberId, need) -> store.insertNeeds(proposal.id(), new InterviewWorkRepository.StoredNeeds(
                memberId, vault.seal(need, Vault.needs(proposal.id(), memberId)))));
    }

    /** The needs of the proposal's members by membership id, opened. */
    Map<String, Needs> needs(String proposalId) {
        Map<String, Needs> needs = new LinkedHashMap<>();
        for (InterviewWorkRepository.StoredNeeds row : store.needs(proposalId)) {
            needs.put(row.memberId(), vault.open(row.needs(), Vault.needs(proposalId, row.memberId()), Needs.class));
        }
        return needs;
    }

    /** The staff member's appointments in {@code week} (cancelled ones too, so they see what fell away). */
    List<AppointmentRepository.StoredAppointment> agenda(String accountId, TimeSlot week) {
        return store.agenda(accountId, week);
    }

    /** The staff of a case and when each of them is taken: for proposing times that suit the staff taking part. */
    record FreeBusy(List<AppointmentViews.PersonView> staff, List<Busy> busy) {
    }

    /**
     * When the staff of the case are taken between {@code from} and {@code until} ({@code staffIds} of them, or all
     * when empty): only the times, never which case or with whom.
     */
    FreeBusy busy(String caseId, List<String> staffIds, Instant from, Instant until) {
        if (from == null || until == null || !until.isAfter(from)
            || Duration.between(from, until).compareTo(LONGEST_BUSY_WINDOW) > 0) {
            throw ProblemException.invalid("until", "Give a period of at most a year: from before until.");
        }
        Map<String, String> onCase = new LinkedHashMap<>();
        cases.staff(caseId).forEach(staff -> onCase.put(staff.accountId(), staff.displayName()));
        if (!onCase.keySet().containsAll(staffIds)) {
            throw ProblemException.invalid("staffIds", "Choose staff who work on this case.");
        }
        List<Busy> busy = new ArrayList<>();
        for (String accountId : staffIds.isEmpty() ? onCase.keySet() : new TreeSet<>(staffIds)) {
            store.busy(accountId, new TimeSlot(from, until))
                    .forEach(time -> busy.add(new Busy(accountId, time.start(), time.end())));
        }
        return new FreeBusy(onCase.entrySet().stream()
                                    .map(entry -> new AppointmentViews.PersonView(entry.getKey(), entry.getValue()))
                                    .toList(), busy);
    }

    /** Records whether the interview was held, once it has started; recording again corrects it. */
    Outcome record(AppointmentRepository repository, Appointment appointment, String actorId,
                   NewOutcome request) {
        if (request.outcome() == null) {
            throw ProblemException.invalid("outcome", "Choose HELD or NOT_HELD.");
        }
        String note = Texts.optional("note", request.note(), Outcome.MAX_NOTE);
        Appointment.Status status = repository.lockAppointment(appointment.id()).orElseThrow();
        if (status != Appointment.Status.CONFIRMED) {
            throw new ProblemException(ProblemType.CONFLICT, "This appointment has been cancelled.");
        }
        Instant now = clock.instant();
        if (now.isBefore(appointment.time().start())) {
            throw new ProblemException(ProblemType.CONFLICT, "The interview has not started yet. Record how it went"
                                                             + " after it has started.");
        }
        store.saveOutcome(appointment.id(), new InterviewWorkRepository.StoredOutcome(
                request.outcome(), vault.seal(note, Vault.outcome(appointment.id())), now, actorId));
        return new Outcome(request.outcome(), note, now, actorId);
    }

    /** The outcome recorded for the appointment, if any, with its note opened. */
    Optional<Outcome> outcome(String appointmentId) {
        return store.outcome(appointmentId).map(row -> new Outcome(
                row.kind(), row.note().keyId() == null ? ""
                                                       : vault.open(row.note(), Vault.outcome(appointmentId),
                                                                    String.class),
                row.recordedAt(), row.recordedBy()));
    }

}
