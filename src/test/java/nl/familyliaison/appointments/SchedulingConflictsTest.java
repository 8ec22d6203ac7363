package nl.familyliaison.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.CaseRole;
import nl.familyliaison.cases.Cases;
import nl.familyliaison.cases.Investigation;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.cases.Relation;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.RuleDatabase;
import nl.familyliaison.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A staff member is never in two interviews at once: scheduling's agenda rules, run in real transactions on a real
 * database without an HTTP server in between.
 */
class SchedulingConflictsTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");
    private static RuleDatabase database;
    private static MemberRepository members;
    private static Transactions transactions;
    private static Cases cases;
    private static Scheduling scheduling;

    @BeforeAll
    static void open() {
        database = RuleDatabase.open();
        CaseRepository caseRepository = new CaseRepository(database.client());
        AccountRepository accounts = new AccountRepository(database.client());
        members = new MemberRepository(database.client());
        transactions = new Transactions(database.client());
        cases = new Cases(caseRepository, accounts, transactions, CLOCK, 28);
        Outbox outbox = database.outbox(CLOCK);
        AppointmentRepository repository = new AppointmentRepository(database.client());
        Vault vault = new Vault(database.keys());
        scheduling = new Scheduling(repository, new Stored(repository, vault), caseRepository, members, accounts,
                                    vault, outbox, new Reminders(outbox, accounts, Duration.ofHours(24), CLOCK), CLOCK);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anOverlappingTimeOfTheSameInspectorIsRefusedATouchingOneIsNot() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "agenda-fi@inspectie.example");
        Proposal first = proposal(caseOf(inspector, "2026-S01"), slot("10:00", "11:00"));
        Proposal second = proposal(caseOf(inspector, "2026-S02"), slot("10:30", "11:30"), slot("11:00", "12:00"));
        confirm(first, 1, inspector);

        ProblemException clash = assertThrows(ProblemException.class, () -> confirm(second, 1, inspector));
        assertEquals(409, clash.type().status());
        assertEquals(slot("11:00", "12:00"), confirm(second, 2, inspector).time());
    }

    @Test
    void anAppointmentMovesFreelyWithinItsOwnTimeButNotOntoAnother() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "move-fi@inspectie.example");
        Appointment morning = confirm(proposal(caseOf(inspector, "2026-S03"), slot("09:00", "10:00")), 1, inspector);
        Appointment noon = confirm(proposal(caseOf(inspector, "2026-S04"), slot("12:00", "13:00")), 1, inspector);

        Appointment later = transactions.inTransaction(tx -> scheduling.reschedule(
                tx, morning, inspector.accountId(), slot("09:30", "10:30"), "De trein is later"));
        assertEquals(slot("09:30", "10:30"), later.time());
        ProblemException clash = assertThrows(ProblemException.class, () -> transactions.inTransaction(
                tx -> scheduling.reschedule(tx, later, inspector.accountId(), slot("12:30", "13:30"), "Liever later")));
        assertEquals(409, clash.type().status());
        assertEquals(slot("12:00", "13:00"), noon.time());
    }

    @Test
    void otherStaffHaveAgendasOfTheirOwn() {
        Actor one = actor(Role.FAMILY_INSPECTOR, "own-fi-1@inspectie.example");
        Actor other = actor(Role.FAMILY_INSPECTOR, "own-fi-2@inspectie.example");
        confirm(proposal(caseOf(one, "2026-S05"), slot("14:00", "15:00")), 1, one);
        assertEquals(slot("14:00", "15:00"),
                     confirm(proposal(caseOf(other, "2026-S06"), slot("14:00", "15:00")), 1, other).time());
    }

    @Test
    void aTimeThatHasPassedCannotBeConfirmed() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "passed-fi@inspectie.example");
        Proposal proposal = proposal(caseOf(inspector, "2026-S07"), slot("16:00", "17:00"));
        Instant before = CLOCK.instant();
        CLOCK.set(Instant.parse("2026-03-05T16:00:00Z"));
        try {
            ProblemException passed = assertThrows(ProblemException.class, () -> confirm(proposal, 1, inspector));
            assertEquals(400, passed.type().status());
        } finally {
            CLOCK.set(before);
        }
    }

    /** A new case of this family inspector with one member. */
    private static CaseContext caseOf(Actor inspector, String reference) {
        Investigation investigation = cases.open(inspector, reference, "Zaak " + reference,
                                                 LocalDate.of(2026, 1, 15), WriteEvent.NONE);
        Actor member = actor(Role.MEMBER, reference.toLowerCase() + "@example.org");
        members.insert(Ids.newId(), investigation.id(), member.accountId(), Relation.PARENT,
                       MemberRepository.Represents.NOBODY,
                       inspector.accountId(), "Anna", CLOCK.instant());
        return new CaseContext(investigation.id(), inspector, new CaseRole(Optional.empty(), true, false),
                               investigation);
    }

    private static Proposal proposal(CaseContext context, TimeSlot... slots) {
        List<String> memberIds = members.ofCase(context.caseId()).stream().map(member -> member.id()).toList();
        return transactions.inTransaction(tx -> scheduling.propose(tx, context, new Scheduling.NewProposal(
                List.of(slots), InterviewMode.PHONE, "", "", List.of(), memberIds, List.of())));
    }

    private static Appointment confirm(Proposal proposal, int position, Actor by) {
        return transactions.inTransaction(tx -> scheduling.confirm(tx, proposal,
                                                                   proposal.slots().get(position - 1).id(),
                                                                   by.accountId()));
    }

    /** A time on 5 March 2026 (UTC). */
    private static TimeSlot slot(String start, String end) {
        return new TimeSlot(Instant.parse("2026-03-05T" + start + ":00Z"), Instant.parse("2026-03-05T" + end + ":00Z"));
    }

    private static Actor actor(Role role, String email) {
        return database.actor(role, email, CLOCK.instant());
    }
}
