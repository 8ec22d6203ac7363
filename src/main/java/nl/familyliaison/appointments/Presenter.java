package nl.familyliaison.appointments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.Authorization.Item;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.access.Authorization.ItemKind;
import nl.familyliaison.access.Authorization.Visibility;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.Member;
import nl.familyliaison.cases.MemberFiles;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.appointments.AppointmentViews.AnswerView;
import nl.familyliaison.appointments.AppointmentViews.AppointmentView;
import nl.familyliaison.appointments.AppointmentViews.ChangeView;
import nl.familyliaison.appointments.AppointmentViews.NeedsView;
import nl.familyliaison.appointments.AppointmentViews.OutcomeView;
import nl.familyliaison.appointments.AppointmentViews.PersonView;
import nl.familyliaison.appointments.AppointmentViews.ProposalView;
import nl.familyliaison.appointments.AppointmentViews.SlotView;

/**
 * Who may see which proposal and appointment, and what of it. Staff of the case see everything; a member sees only
 * what they are invited to, only their own answer, and of the history only staff's changes and their own requests:
 * one relative's reasons are not for another.
 */
final class Presenter {

    private final Stored stored;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final AppointmentRepository repository;
    private final CaseAccess access;
    private final InterviewWork work;

    Presenter(Stored stored, AccountRepository accounts, MemberRepository members, AppointmentRepository repository,
              CaseAccess access, InterviewWork work) {
        this.stored = stored;
        this.accounts = accounts;
        this.members = members;
        this.repository = repository;
        this.access = access;
        this.work = work;
    }

    /** The same presenter reading inside {@code tx}, so that what the transaction wrote is shown. */
    Presenter in(DbExecute tx) {
        return new Presenter(stored.in(tx), accounts.in(tx), members.in(tx), repository.in(tx), access,
                             work.in(tx));
    }

    boolean maySee(CaseContext context, Proposal proposal) {
        return access.maySee(context, item(proposal));
    }

    boolean maySee(CaseContext context, Appointment appointment) {
        return access.maySee(context, item(appointment));
    }

    /** The object types of the audit trail this feature holds, for a member's file: items of the case, by id. */
    Map<String, MemberFiles.ItemLookup> fileItems() {
        return Map.of("interview-proposal", (caseId, id) -> stored.proposal(id)
                              .filter(found -> found.caseId().equals(caseId)).map(Presenter::item),
                      "appointment", (caseId, id) -> stored.appointment(id)
                              .filter(found -> found.caseId().equals(caseId)).map(Presenter::item));
    }

    /** A proposal as an item for the one decision: shared with the members it invites. */
    static Item item(Proposal proposal) {
        return Item.of(ItemKind.PROPOSAL, Visibility.chosen(Set.copyOf(proposal.memberIds())));
    }

    /** An appointment as an item for the one decision: shared with the members it is made for. */
    static Item item(Appointment appointment) {
        return Item.of(ItemKind.APPOINTMENT, Visibility.chosen(Set.copyOf(appointment.memberIds())));
    }

    /**
     * The invited membership a representative answers for: only with the FULL scope, for the member they represent
     * (403 otherwise).
     */
    String answeringFor(CaseContext context, Proposal proposal, String onBehalfOf) {
        if (!proposal.memberIds().contains(onBehalfOf)
            || !access.mayActFor(context, Authorization.CaseAction.ANSWER_APPOINTMENT, onBehalfOf)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not answer for this person.");
        }
        return onBehalfOf;
    }

    /** Whom an answer is for and, when a representative gives it for them, who gave it (null: their own). */
    record Answering(String memberId, String answeredBy) {
    }

    Answering answering(CaseContext context, Proposal proposal, String onBehalfOf) {
        String self = context.role().memberId().orElseThrow();
        if (onBehalfOf == null && !proposal.memberIds().contains(self)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This invitation is not addressed to you.");
        }
        String memberId = onBehalfOf == null ? self : answeringFor(context, proposal, onBehalfOf);
        return new Answering(memberId, memberId.equals(self) ? null : context.actor().accountId());
    }

    /**
     * A member asks to move or cancel an appointment only when it is made for them, or as a FULL representative of
     * the member it is made for (403 otherwise); staff see in its history who asked.
     */
    void requireMayRequestChange(CaseContext context, Appointment appointment) {
        boolean own = context.role().memberId().filter(appointment.memberIds()::contains).isPresent();
        boolean onBehalf = context.role().representing().map(Authorization.Representing::memberId)
                .filter(appointment.memberIds()::contains)
                .filter(id -> access.mayActFor(context, Authorization.CaseAction.ANSWER_APPOINTMENT, id)).isPresent();
        if (!own && !onBehalf) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may not ask to change this appointment.");
        }
    }

    /** The invited membership a member caller answers for: their own, or the one they represent in full; else none. */
    private Optional<String> answerFor(CaseContext context, Proposal proposal) {
        Optional<String> self = context.role().memberId().filter(proposal.memberIds()::contains);
        return self.isPresent() || context.role().memberId().isEmpty() ? self
                : context.role().representing().map(Authorization.Representing::memberId)
                        .filter(proposal.memberIds()::contains)
                        .filter(id -> access.mayActFor(context, Authorization.CaseAction.ANSWER_APPOINTMENT, id));
    }

    ProposalView show(CaseContext context, Proposal proposal) {
        Names names = names(proposal.caseId());
        Optional<String> self = context.role().memberId();
        Optional<String> represented = context.role().representing().map(Authorization.Representing::memberId);
        List<AnswerView> answers = stored.answers(proposal.id()).stream()
                .filter(answer -> self.isEmpty() || self.get().equals(answer.memberId())
                                  || represented.filter(answer.memberId()::equals).isPresent())
                .map(answer -> new AnswerView(answer.memberId(), names.member(answer.memberId()), answer.choice(),
                                              answer.slotId(), answer.otherTimes(), answer.note(),
                                              answer.answeredAt(), answer.answeredBy() == null ? null
                                                      : names.memberByAccount(answer.answeredBy())))
                .toList();
        return new ProposalView(proposal.id(), proposal.caseId(), proposal.status(), proposal.mode(),
                                proposal.details().place(), proposal.details().note(), proposal.createdAt(),
                                names.staff(proposal.proposedBy()),
                                proposal.slots().stream().map(slot -> new SlotView(
                                        slot.id(), slot.position(), slot.time().start(), slot.time().end())).toList(),
                                proposal.staffIds().stream().map(names::staff).toList(),
                                proposal.memberIds().stream().map(id -> names.memberPerson(id)).toList(),
                                answers, repository.appointmentOf(proposal.id()).orElse(null),
                                needs(proposal.id(), self, names), answerFor(context, proposal).isPresent(),
                                answerFor(context, proposal).filter(id -> !self.orElse("").equals(id))
                                        .map(names::memberPerson).orElse(null));
    }

    AppointmentView show(CaseContext context, Appointment appointment) {
        Names names = names(appointment.caseId());
        boolean member = context.role().memberId().isPresent();
        List<ChangeView> history = stored.history(appointment.id()).stream()
                .filter(change -> !member || !change.kind().byMember()
                                  || change.actorId().equals(context.actor().accountId()))
                .map(change -> new ChangeView(change.kind(), change.kind().byMember()
                                                             ? names.memberByAccount(change.actorId())
                                                             : names.staff(change.actorId()),
                                              change.time() == null ? null : change.time().start(),
                                              change.time() == null ? null : change.time().end(),
                                              change.reason(), change.at()))
                .toList();
        return new AppointmentView(appointment.id(), appointment.caseId(), appointment.proposalId(),
                                   appointment.status(), appointment.mode(), appointment.details().place(),
                                   appointment.details().note(), appointment.time().start(),
                                   appointment.time().end(), appointment.sequence(),
                                   appointment.staffIds().stream().map(names::staff).toList(),
                                   appointment.memberIds().stream().map(names::memberPerson).toList(), history,
                                   "/api/appointments/" + appointment.id() + "/calendar.ics",
                                   needs(appointment.proposalId(), context.role().memberId(), names),
                                   member ? null : outcome(appointment.id(), names),
                                   member ? null : !appointment.isCancelled()
                                                   && !work.now().isBefore(appointment.time().start()));
    }

    /** The members' needs: all of them for staff, only their own for a member. */
    private List<NeedsView> needs(String proposalId, Optional<String> self, Names names) {
        return work.needs(proposalId).entrySet().stream()
                .filter(entry -> self.map(entry.getKey()::equals).orElse(true))
                .map(entry -> new NeedsView(entry.getKey(), names.member(entry.getKey()),
                                            entry.getValue().interpreterLanguage(), entry.getValue().accessibility(),
                                            entry.getValue().supportPerson()))
                .toList();
    }

    private OutcomeView outcome(String appointmentId, Names names) {
        return work.outcome(appointmentId).map(found -> new OutcomeView(found.kind(), found.note(),
                                                                         found.recordedAt(),
                                                                         names.staff(found.recordedBy())))
                .orElse(null);
    }

    private Names names(String caseId) {
        Map<String, Member> byId = new HashMap<>();
        Map<String, Member> byAccount = new HashMap<>();
        for (Member member : members.ofCase(caseId)) {
            byId.put(member.id(), member);
            byAccount.put(member.accountId(), member);
        }
        return new Names(byId, byAccount, accounts);
    }

    /** The names of one case's people, read once per answer. */
    private record Names(Map<String, Member> members, Map<String, Member> byAccount, AccountRepository accounts) {

        PersonView staff(String accountId) {
            return new PersonView(accountId, accounts.byId(accountId).map(Account::displayName).orElse(""));
        }

        String member(String memberId) {
            return Optional.ofNullable(members.get(memberId)).map(Member::displayName).orElse("");
        }

        PersonView memberPerson(String memberId) {
            return new PersonView(memberId, member(memberId));
        }

        PersonView memberByAccount(String accountId) {
            Member member = byAccount.get(accountId);
            return member == null ? new PersonView(accountId, "") : new PersonView(member.id(),
                                                                                   member.displayName());
        }
    }
}
