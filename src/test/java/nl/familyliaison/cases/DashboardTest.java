package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff dashboard lists the staff member's cases and the update promises that have passed; message metadata
 * (waiting threads, failed message mails) only for the family inspector.
 */
class DashboardTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void aPassedPromiseShowsAsOverdueUntilTheNextUpdate() {
        CaseFiles.OpenCase file = files.open("fi-dash@inspectie.example", "2026-D01");
        JsonNode before = file.inspectorApi().get("/api/dashboard").json();
        assertEquals(1, before.path("cases").size());
        assertEquals(0, before.path("overdueUpdates").size());

        service.clock().advance(Duration.ofDays(29));
        Api inspector = service.api().as(service.people().signInStaff(file.inspector()));
        JsonNode overdue = inspector.get("/api/dashboard").json();
        assertEquals(file.caseId(), overdue.path("overdueUpdates").path(0).path("id").asText());
        assertTrue(overdue.path("cases").path(0).path("updateOverdue").asBoolean());

        inspector.post("/api/cases/" + file.caseId() + "/updates", "{\"text\":\"Het onderzoek loopt.\"}");
        JsonNode after = inspector.get("/api/dashboard").json();
        assertEquals(0, after.path("overdueUpdates").size());
        assertFalse(after.path("cases").path(0).path("updateOverdue").asBoolean());
    }

    @Test
    void anInvestigatorSeesNoMessageMetadata() {
        service.clock().set(Instant.parse("2026-03-06T09:00:00Z"));
        CaseFiles.OpenCase file = files.open("fi-dash-msg@inspectie.example", "2026-D02");
        People.Staff investigator = service.people().staff(Role.INVESTIGATOR, "inv-dash-msg@inspectie.example");
        // A case's staff take two administrators: one asks, the other approves.
        Admins.create(service, "dash-msg").assignStaff(file.caseId(), file.inspector().account().id(),
                                                       List.of(investigator.account().id()));
        JsonNode membership = files.invite(file, "kin-dash-msg@example.org", "CHILD");
        Api member = service.api().as(service.people().signInMember("kin-dash-msg@example.org"));
        member.post("/api/cases/" + file.caseId() + "/threads", "{\"text\":\"Is er nieuws?\"}");
        failMail(membership.path("accountId").asText(), MailTemplate.NEW_MESSAGE);
        failMail(membership.path("accountId").asText(), MailTemplate.APPOINTMENT_CONFIRMED);

        service.clock().set(Instant.parse("2026-03-10T09:30:00Z"));
        Api inspector = service.api().as(service.people().signInStaff(file.inspector()));
        await(() -> inspector.get("/api/dashboard").json().path("failedNotifications").size() == 2,
                           "both failures reached the family inspector's dashboard");
        assertEquals(1, inspector.get("/api/dashboard").json().path("waitingThreads").size());

        JsonNode seen = service.api().as(service.people().signInStaff(investigator)).get("/api/dashboard").json();
        assertEquals(file.caseId(), seen.path("cases").path(0).path("id").asText(), "the investigator's case");
        assertEquals(0, seen.path("waitingThreads").size(), seen::toString);
        assertEquals(1, seen.path("failedNotifications").size(), seen::toString);
        assertEquals("appointment-confirmed", seen.path("failedNotifications").path(0).path("kind").asText());
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A mail to the account that fails for good at once (the address is refused). */
    private static void failMail(String accountId, MailTemplate template) {
        new Transactions(service.running().database().client()).inTransaction(tx -> {
            service.running().features().outbox().enqueue(tx, new Mail(
                    "failing-" + System.nanoTime(), accountId, "not an address", template, new Language("nl"),
                    Map.of("serviceUrl", "http://127.0.0.1/"), Mail.Priority.NORMAL));
            return null;
        });
        service.running().features().outbox().afterCommit();
    }
}
