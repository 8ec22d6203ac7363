package nl.familyliaison.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Member;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * The rules of interview scheduling, each run inside the caller's transaction: proposing, answering, confirming,
 * moving, cancelling and asking for a change. A staff member's agenda is locked while a time is given to them, so
 * two confirmations can never put one person in two places at once.
 */
record Scheduling(AppointmentRepository store, Stored stored, CaseRepository cases, MemberRepository members,
                  AccountRepository accounts, Vault vault, Outbox outbox, Reminders reminders, Clock clock) {

    static final int MAX_MEMBERS = 20;
    static final int MAX_REASON = 1000;

    record NewProposal(List<TimeSlot> slots, InterviewMode mode, String place, String note, List<String> staffIds,
                       List<String> memberIds, List<Needs.ForMember> needs) {
    }

    record NewAnswer(Answer.Choice choice, String slotId, List<TimeSlot> otherTimes, String note, String onBehalfOf) {
    }

    Proposal propose(DbExecute tx, CaseContext context, NewProposal request) {
        Instant now = clock.instant();
        List<TimeSlot> times = TimeSlot.checked("slots", request.slots(), 1, now);
        Details details = Details.checked(request.mode(), request.place(), request.note());
        List<String> staff = staffTakingPart(tx, context, request.staffIds());
        List<Member> invited = invitedMembers(tx, context.caseId(), request.memberIds());
        String id = Ids.newId();
        List<Proposal.Slot> slots = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            slots.add(new Proposal.Slot(Ids.newId(), i + 1, times.get(i)));
        }
        AppointmentRepository repository = store.in(tx);
        repository.insertProposal(new AppointmentRepository.StoredProposal(
                id, context.caseId(), context.actor().accountId(), request.mode(),
                vault.seal(details, Vault.proposal(id)), Proposal.Status.OPEN, now));
        slots.forEach(slot -> repository.insertSlot(id, slot));
        staff.forEach(accountId -> repository.insertProposalStaff(id, accountId));
        invited.forEach(member -> repository.insertProposalMember(id, member.id()));
        invited.forEach(member -> mail(tx, member, MailTemplate.APPOINTMENT_PROPOSAL, "appointment-proposal:" + id));
        return new Proposal(id, context.caseId(), context.actor().accountId(), request.mode(), details,
                            Proposal.Status.OPEN, now, List.copyOf(slots), staff,
                            invited.stream().map(Member::id).toList());
    }

    Answer answer(DbExecute tx, Proposal proposal, String memberId, String answeredBy, NewAnswer request) {
        if (request.choice() == null) {
            throw ProblemException.invalid("choice", "Choose SLOT, DECLINE or OTHER_TIMES.");
        }
        requireOpen(store.in(tx).lockProposal(proposal.id()).orElseThrow());
        Instant now = clock.instant();
        String note = Texts.optional("note", request.note(), MAX_REASON);
        String slotId = null;
        List<TimeSlot> otherTimes = List.of();
        switch (request.choice()) {
            case SLOT -> slotId = chosenSlot(proposal, request.slotId()).id();
            case OTHER_TIMES -> {
                otherTimes = TimeSlot.checked("otherTimes", request.otherTimes(), 0, now);
                if (otherTimes.isEmpty() && note.isEmpty()) {
                    throw ProblemException.invalid("otherTimes", "Give one or more times, or write when you can.");
                }
            }
            case DECLINE -> { }
        }
        Answer answer = new Answer(memberId, request.choice(), slotId, otherTimes, note, now, answeredBy);
        store.in(tx).saveAnswer(proposal.id(), new AppointmentRepository.StoredAnswer(
                memberId, answer.choice(), slotId, vault.seal(new Answer.Words(otherTimes, note),
                                                              Vault.answer(proposal.id(), memberId)), now, answeredBy));
        for (String accountId : proposal.staffIds()) {
            mailStaff(tx, accountId, MailTemplate.APPOINTMENT_ANSWER,
                      "appointment-answer:" + proposal.id() + ":" + memberId + ":" + now.toEpochMilli());
        }
        return answer;
    }

    Appointment confirm(DbExecute tx, Proposal proposal, String slotId, String actorId) {
        AppointmentRepository repository = store.in(tx);
        requireOpen(repository.lockProposal(proposal.id()).orElseThrow());
        Proposal.Slot slot = chosenSlot(proposal, slotId);
        Instant now = clock.instant();
        if (!slot.time().start().isAfter(now)) {
            throw ProblemException.invalid("slotId", "This time has already passed. Propose new times.");
        }
        claimAgendas(repository, proposal.staffIds(), slot.time(), "");
        Set<String> declined = new TreeSet<>();
        stored.in(tx).answers(proposal.id()).stream().filter(answer -> answer.choice() == Answer.Choice.DECLINE)
                .forEach(answer -> declined.add(answer.memberId()));
        List<Member> attending = activeMembers(tx, proposal.caseId()).stream()
                .filter(member -> proposal.invites(member.id()) && !declined.contains(member.id())).toList();
        String id = Ids.newId();
        repository.insertAppointment(new AppointmentRepository.StoredAppointment(
                id, proposal.caseId(), proposal.id(), proposal.mode(),
                vault.seal(proposal.details(), Vault.appointment(id)), slot.time(),
                Appointment.Status.CONFIRMED, 0), now);
        proposal.staffIds().forEach(accountId -> repository.insertAppointmentStaff(id, accountId, slot.time()));
        attending.forEach(member -> repository.insertAppointmentMember(id, member.id()));
        repository.setProposalStatus(proposal.id(), Proposal.Status.CONFIRMED, now);
        Appointment appointment = new Appointment(id, proposal.caseId(), proposal.id(), proposal.mode(),
                                                  proposal.details(), slot.time(), Appointment.Status.CONFIRMED, 0,
                                                  proposal.staffIds(), attending.stream().map(Member::id).toList());
        record(tx, appointment, Change.Kind.CONFIRMED, actorId, slot.time(), "");
        attending.forEach(member -> mail(tx, member, MailTemplate.APPOINTMENT_CONFIRMED,
                                                    "appointment-confirmed:" + id));
        reminders.schedule(tx, id, 0, slot.time().start(), attending, proposal.staffIds());
        return appointment;
    }

    /** Staff take back an invitation no time was chosen for; the invited members hear that it is off. */
    void withdraw(DbExecute tx, Proposal proposal) {
        AppointmentRepository repository = store.in(tx);
        requireOpen(repository.lockProposal(proposal.id()).orElseThrow());
        repository.setProposalStatus(proposal.id(), Proposal.Status.WITHDRAWN, clock.instant());
        activeMembers(tx, proposal.caseId()).stream().filter(member -> proposal.invites(member.id()))
                .forEach(member -> mail(tx, member, MailTemplate.APPOINTMENT_PROPOSAL_WITHDRAWN,
                                        "appointment-proposal-withdrawn:" + proposal.id()));
    }

    Appointment reschedule(DbExecute tx, Appointment appointment, String actorId, TimeSlot newTime, String reason) {
        AppointmentRepository repository = store.in(tx);
        requireConfirmed(repository.lockAppointment(appointment.id()).orElseThrow());
        TimeSlot time = TimeSlot.checked("time", newTime, clock.instant());
        String why = Texts.required("reason", reason, MAX_REASON);
        claimAgendas(repository, appointment.staffIds(), time, appointment.id());
        repository.move(appointment.id(), time, clock.instant());
        Appointment moved = stored.in(tx).appointment(appointment.id()).orElseThrow();
        record(tx, moved, Change.Kind.RESCHEDULED, actorId, time, why);
        List<Member> attending = attending(tx, moved);
        attending.forEach(member -> mail(tx, member, MailTemplate.APPOINTMENT_CHANGED,
                                         "appointment-changed:" + moved.id() + ":" + moved.sequence()));
        reminders.withdraw(tx, moved.id());
        reminders.schedule(tx, moved.id(), moved.sequence(), time.start(), attending, moved.staffIds());
        return moved;
    }

    Appointment cancel(DbExecute tx, Appointment appointment, String actorId, String reason) {
        AppointmentRepository repository = store.in(tx);
        requireConfirmed(repository.lockAppointment(appointment.id()).orElseThrow());
        String why = Texts.required("reason", reason, MAX_REASON);
        repository.cancel(appointment.id(), clock.instant());
        Appointment cancelled = stored.in(tx).appointment(appointment.id()).orElseThrow();
        record(tx, cancelled, Change.Kind.CANCELLED, actorId, null, why);
        attending(tx, cancelled).forEach(member -> mail(tx, member, MailTemplate.APPOINTMENT_CANCELLED,
                                                        "appointment-cancelled:" + cancelled.id()));
        reminders.withdraw(tx, cancelled.id());
        return cancelled;
    }

    /** A member asks staff to move or cancel; nothing changes until staff act on it. */
    Change requestChange(DbExecute tx, Appointment appointment, String accountId, Change.Kind kind, String reason) {
        if (kind == null || !kind.byMember()) {
            throw ProblemException.invalid("kind", "Choose RESCHEDULE or CANCEL.");
        }
        requireConfirmed(store.in(tx).lockAppointment(appointment.id()).orElseThrow());
        String why = Texts.required("reason", reason, MAX_REASON);
        Change change = record(tx, appointment, kind, accountId, null, why);
        for (String staff : appointment.staffIds()) {
            mailStaff(tx, staff, MailTemplate.APPOINTMENT_CHANGE_REQUEST,
                      "appointment-change-request:" + appointment.id() + ":" + change.at().toEpochMilli());
        }
        return change;
    }

    private Change record(DbExecute tx, Appointment appointment, Change.Kind kind, String actorId, TimeSlot time,
                          String reason) {
        String id = Ids.newId();
        Instant now = clock.instant();
        store.in(tx).insertChange(appointment.id(), new AppointmentRepository.StoredChange(
                id, kind, actorId, time, vault.seal(reason, Vault.change(id)), now));
        return new Change(kind, actorId, time, reason, now);
    }

    /** Locks each agenda in one fixed order (no deadlock between two confirmations), then looks for a clash. */
    private static void claimAgendas(AppointmentRepository repository, List<String> staff, TimeSlot time,
                                     String exceptAppointmentId) {
        TreeSet<String> ordered = new TreeSet<>(staff);
        ordered.forEach(repository::lockAgenda);
        for (String accountId : ordered) {
            if (repository.clashes(accountId, time, exceptAppointmentId)) {
                throw new ProblemException(ProblemType.CONFLICT, "Someone of the staff taking part already has an"
                                                                 + " appointment at this time. Choose another time.");
            }
        }
    }

    private List<String> staffTakingPart(DbExecute tx, CaseContext context, List<String> requested) {
        Set<String> onCase = new TreeSet<>();
        cases.in(tx).staff(context.caseId()).forEach(staff -> onCase.add(staff.accountId()));
        Set<String> taking = new LinkedHashSet<>();
        taking.add(context.actor().accountId());
        for (String accountId : requested == null ? List.<String>of() : requested) {
            if (!onCase.contains(accountId)) {
                throw ProblemException.invalid("staffIds", "Choose staff who work on this case.");
            }
            taking.add(accountId);
        }
        return List.copyOf(taking);
    }

    private List<Member> invitedMembers(DbExecute tx, String caseId, List<String> requested) {
        if (requested == null || requested.isEmpty() || requested.size() > MAX_MEMBERS) {
            throw ProblemException.invalid("memberIds", "Choose 1 to " + MAX_MEMBERS + " members of this case.");
        }
        Map<String, Member> active = new HashMap<>();
        activeMembers(tx, caseId).forEach(member -> active.put(member.id(), member));
        List<Member> invited = new ArrayList<>();
        for (String memberId : new LinkedHashSet<>(requested)) {
            Member member = active.get(memberId);
            if (member == null) {
                throw ProblemException.invalid("memberIds", "Choose members of this case.");
            }
            invited.add(member);
        }
        return invited;
    }

    private List<Member> activeMembers(DbExecute tx, String caseId) {
        return members.in(tx).ofCase(caseId).stream().filter(Member::isActive).toList();
    }

    private List<Member> attending(DbExecute tx, Appointment appointment) {
        return activeMembers(tx, appointment.caseId()).stream()
                .filter(member -> appointment.memberIds().contains(member.id())).toList();
    }

    private static Proposal.Slot chosenSlot(Proposal proposal, String slotId) {
        return proposal.slot(slotId == null ? "" : slotId)
                .orElseThrow(() -> ProblemException.invalid("slotId", "Choose one of the proposed times."));
    }

    private static void requireOpen(Proposal.Status status) {
        switch (status) {
            case OPEN -> { }
            case CONFIRMED -> throw new ProblemException(ProblemType.CONFLICT,
                                                         "A time has already been chosen for this invitation.");
            case WITHDRAWN -> throw new ProblemException(ProblemType.CONFLICT, "This invitation was taken back.");
        }
    }

    private static void requireConfirmed(Appointment.Status status) {
        if (status != Appointment.Status.CONFIRMED) {
            throw new ProblemException(ProblemType.CONFLICT, "This appointment has been cancelled.");
        }
    }

    private void mail(DbExecute tx, Member member, MailTemplate template, String eventKey) {
        outbox.enqueue(tx, new Mail(eventKey, member.accountId(), member.email(), template, member.language(),
                                    Map.of(), Mail.Priority.NORMAL));
    }

    private void mailStaff(DbExecute tx, String accountId, MailTemplate template, String eventKey) {
        Account account = accounts.in(tx).byId(accountId).orElseThrow();
        outbox.enqueue(tx, new Mail(eventKey, account.id(), account.email(), template, account.language(), Map.of(),
                                    Mail.Priority.NORMAL));
    }
}
