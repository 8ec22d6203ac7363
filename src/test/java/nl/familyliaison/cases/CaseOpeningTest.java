package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.RuleDatabase;
import nl.familyliaison.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of opening a case, run against a real database without an HTTP server in between. */
class CaseOpeningTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");
    private static RuleDatabase database;
    private static CaseRepository repository;
    private static Cases cases;

    @BeforeAll
    static void open() {
        database = RuleDatabase.open();
        repository = new CaseRepository(database.client());
        cases = new Cases(repository, new AccountRepository(database.client()), new Transactions(database.client()),
                          CLOCK, 21);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aFamilyInspectorWhoOpensACaseIsItsFamilyInspectorAndPromisesTheFirstUpdate() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "open-fi@inspectie.example");
        Investigation opened = cases.open(inspector, "  2026-R01 ", " Brand Noord ", LocalDate.of(2026, 1, 15),
                                          WriteEvent.NONE);
        Investigation stored = repository.byId(opened.id()).orElseThrow();
        assertEquals("2026-R01", stored.reference());
        assertEquals("Brand Noord", stored.title());
        assertEquals("start", stored.phase());
        assertEquals(LocalDate.of(2026, 3, 23), stored.nextUpdateBy(), "today in Amsterdam plus the cadence");
        assertEquals(List.of(inspector.accountId() + ":FAMILY_INSPECTOR"),
                     repository.staff(opened.id()).stream().map(staff -> staff.accountId() + ":" + staff.role())
                             .toList());
    }

    @Test
    void anAdministratorWhoOpensACaseIsNotOnIt() {
        Investigation opened = cases.open(actor(Role.ADMIN, "open-admin@inspectie.example"), "2026-R02", "Zaak",
                                          LocalDate.of(2026, 1, 15), WriteEvent.NONE);
        assertEquals(List.of(), repository.staff(opened.id()));
    }

    @Test
    void aReferenceIsTakenOnce() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "open-twice@inspectie.example");
        cases.open(inspector, "2026-R03", "Zaak", LocalDate.of(2026, 1, 15), WriteEvent.NONE);
        ProblemException taken = assertThrows(ProblemException.class, () -> cases.open(
                inspector, " 2026-R03", "Andere zaak", LocalDate.of(2026, 1, 15), WriteEvent.NONE));
        assertEquals(409, taken.type().status());
    }

    @Test
    void badReferencesTitlesAndDatesAreRefusedBeforeAnythingIsStored() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "open-bad@inspectie.example");
        LocalDate incident = LocalDate.of(2026, 1, 15);
        assertInvalid("reference", () -> cases.open(inspector, "X", "Zaak", incident, WriteEvent.NONE));
        assertInvalid("reference", () -> cases.open(inspector, "-2026", "Zaak", incident, WriteEvent.NONE));
        assertInvalid("reference", () -> cases.open(inspector, null, "Zaak", incident, WriteEvent.NONE));
        assertInvalid("title", () -> cases.open(inspector, "2026-R04", " ", incident, WriteEvent.NONE));
        assertInvalid("title", () -> cases.open(inspector, "2026-R04", "t".repeat(201), incident, WriteEvent.NONE));
        assertInvalid("incidentDate", () -> cases.open(inspector, "2026-R04", "Zaak", LocalDate.of(2026, 3, 3),
                                                       WriteEvent.NONE));
        assertInvalid("incidentDate", () -> cases.open(inspector, "2026-R04", "Zaak", null, WriteEvent.NONE));
        assertEquals(false, repository.referenceExists("2026-R04"));
        cases.open(inspector, "2026-R04", "t".repeat(200), LocalDate.of(2026, 3, 2), WriteEvent.NONE);
        assertEquals(true, repository.referenceExists("2026-R04"), "the incident may be today");
    }

    private static void assertInvalid(String field, Runnable opening) {
        ProblemException refused = assertThrows(ProblemException.class, opening::run);
        assertEquals(400, refused.type().status(), refused::getMessage);
        assertEquals(List.of(field), refused.errors().stream().map(error -> error.field()).toList());
    }

    private static Actor actor(Role role, String email) {
        return database.actor(role, email, CLOCK.instant());
    }
}
