package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A next-update promise: the family inspector is mailed two working days before and on the date, the coordination
 * address after five working days overdue (Koningsdag and Liberation Day do not count), each mail once however often
 * the check runs; administrators see the line until the family gets their update.
 */
class OverduePromisesTest {

    private static final String COORDINATION = "coordinatie@inspectie.example";
    private static final String REMINDER = "Een beloofde update komt eraan";
    private static final String ESCALATED = "Een beloofde update is te laat";

    @RegisterExtension
    static final TestService service = TestService.perClass(
            builder -> builder.clock(TestClock.at("2026-04-20T08:00:00Z")).set("cases.coordination-address",
                                                                               COORDINATION));
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void theStagesComeInWorkingDaysAndEachMailGoesOnce() {
        LocalDate promise = LocalDate.of(2026, 4, 28);
        assertEquals(Optional.empty(), OverduePromises.stageOn(promise, LocalDate.of(2026, 4, 22), 5));
        assertEquals(Optional.of(OverduePromises.Stage.SOON),
                     OverduePromises.stageOn(promise, LocalDate.of(2026, 4, 23), 5), "Friday 24 and Koningsdag 27");
        assertEquals(Optional.of(OverduePromises.Stage.DUE), OverduePromises.stageOn(promise, promise, 5));
        assertEquals(Optional.of(OverduePromises.Stage.DUE),
                     OverduePromises.stageOn(promise, LocalDate.of(2026, 5, 5), 5), "Liberation Day does not count");
        assertEquals(Optional.of(OverduePromises.Stage.ESCALATED),
                     OverduePromises.stageOn(promise, LocalDate.of(2026, 5, 6), 5));
    }

    @Test
    void theFamilyInspectorIsRemindedAndCoordinationHearsOfItOnceOnly() {
        CaseFiles.Cast cast = files.cast("promise");
        String base = "/api/cases/" + cast.caseId();
        String fi = cast.inspector().account().email();
        assertEquals(200, cast.inspectorApi().send("PUT", base + "/next-update", "application/json",
                                                   "{\"date\":\"2026-04-28\"}".getBytes()).status());
        round();
        assertEquals(0, Mailbox.to(fi, REMINDER).size(), "nothing yet on Monday 20 April");

        moveTo("2026-04-23T07:00:00Z");
        round();
        round();
        Mailbox.await(fi, REMINDER);
        assertEquals(1, Mailbox.to(fi, REMINDER).size(), "two working days before: one mail");

        moveTo("2026-04-28T07:00:00Z");
        round();
        Mailbox.awaitNew(fi, REMINDER, 1);
        moveTo("2026-05-05T07:00:00Z");
        round();
        assertEquals(2, Mailbox.to(fi, REMINDER).size(), "on the date: one more, and no more after it");
        assertEquals(0, Mailbox.to(COORDINATION, ESCALATED).size());

        moveTo("2026-05-06T07:00:00Z");
        round();
        round();
        Mailbox.Received escalated = Mailbox.await(COORDINATION, ESCALATED);
        assertTrue(escalated.text().contains("promise"), escalated.text());
        Api admin = service.api().as(service.people().signInStaff(
                service.people().staff(Role.ADMIN, "promise-console@inspectie.example")));
        JsonNode line = admin.get("/api/overdue-promises").json().path("promises").get(0);
        assertEquals("promise", line.path("reference").asText());
        assertEquals("Staff promise-fi", line.path("familyInspector").asText());
        assertEquals(1, Mailbox.to(COORDINATION, ESCALATED).size(), "once per promise and stage");

        Api inspector = service.api().as(service.people().signInStaff(cast.inspector()));
        inspector.post(base + "/updates", "{\"text\":\"Excuses voor het wachten. Het onderzoek loopt.\"}");
        assertEquals(0, admin.get("/api/overdue-promises").json().path("promises").size(),
                     "the update keeps the promise: the line goes");
    }

    private static void round() {
        service.running().features().administering().promises().round();
    }

    private static void moveTo(String instant) {
        service.clock().set(Instant.parse(instant));
        service.clock().advance(Duration.ZERO);
    }
}
