package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.RuleDatabase;
import nl.familyliaison.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of posting an update on a case's timeline, run against a real database without an HTTP server. */
class TimelinePostTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");
    private static final List<String> PHASES = List.of("start", "introduction", "plan");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static RuleDatabase database;
    private static CaseRepository repository;
    private static UpdateRepository updates;
    private static Cases cases;
    private static Timeline timeline;
    private static Actor inspector;

    @BeforeAll
    static void open() {
        database = RuleDatabase.open();
        repository = new CaseRepository(database.client());
        updates = new UpdateRepository(database.client(), database.keys());
        Transactions transactions = new Transactions(database.client());
        cases = new Cases(repository, new AccountRepository(database.client()), transactions, CLOCK, 14);
        timeline = new Timeline(updates, repository, new MemberRepository(database.client()),
                                database.outbox(CLOCK), transactions, CLOCK);
        inspector = database.actor(Role.FAMILY_INSPECTOR, "timeline-fi@inspectie.example", CLOCK.instant());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anUpdateForEveryoneMovesThePhaseAndRenewsThePromise() {
        Investigation investigation = opened("2026-T01");
        String id = timeline.post(investigation, inspector.accountId(), "  Het plan is klaar. ", "plan", null, PHASES,
                                  TODAY.plusDays(3));
        Update posted = updates.ofCase(investigation.id()).getFirst();
        assertEquals(id, posted.id());
        assertEquals("Het plan is klaar.", posted.text());
        assertEquals("plan", posted.phase());
        assertEquals(true, posted.forAllMembers());
        Investigation now = repository.byId(investigation.id()).orElseThrow();
        assertEquals("plan", now.phase());
        assertEquals(TODAY.plusDays(3 + 14), now.nextUpdateBy(), "the day of the update plus the cadence");
    }

    @Test
    void withoutAPhaseTheUpdateIsInTheCurrentOne() {
        Investigation investigation = opened("2026-T02");
        timeline.post(investigation, inspector.accountId(), "Even een teken van leven.", null, null, PHASES, TODAY);
        assertEquals("start", updates.ofCase(investigation.id()).getFirst().phase());
        assertEquals("start", repository.byId(investigation.id()).orElseThrow().phase());
    }

    @Test
    void badTextsPhasesAndChosenMembersStoreNothing() {
        Investigation investigation = opened("2026-T03");
        assertInvalid("text", () -> timeline.post(investigation, inspector.accountId(), " ", null, null, PHASES,
                                                  TODAY));
        assertInvalid("text", () -> timeline.post(investigation, inspector.accountId(), "t".repeat(10_001), null,
                                                  null, PHASES, TODAY));
        assertInvalid("phase", () -> timeline.post(investigation, inspector.accountId(), "Tekst", "briefing", null,
                                                   PHASES, TODAY));
        assertInvalid("visibleTo", () -> timeline.post(investigation, inspector.accountId(), "Tekst", null,
                                                       Set.of(), PHASES, TODAY));
        assertInvalid("visibleTo", () -> timeline.post(investigation, inspector.accountId(), "Tekst", null,
                                                       Set.of(Ids.newId()), PHASES, TODAY));
        assertInvalid("visibleTo", () -> timeline.post(investigation, inspector.accountId(), "Tekst", null,
                                                       Set.of("not an id"), PHASES, TODAY));
        assertEquals(List.of(), updates.ofCase(investigation.id()));
        assertEquals(investigation.nextUpdateBy(), repository.byId(investigation.id()).orElseThrow().nextUpdateBy());
    }

    private static Investigation opened(String reference) {
        return cases.open(inspector, reference, "Zaak " + reference, LocalDate.of(2026, 1, 15), WriteEvent.NONE);
    }

    private static void assertInvalid(String field, Runnable posting) {
        ProblemException refused = assertThrows(ProblemException.class, posting::run);
        assertEquals(400, refused.type().status(), refused::getMessage);
        assertEquals(List.of(field), refused.errors().stream().map(error -> error.field()).toList());
    }
}
