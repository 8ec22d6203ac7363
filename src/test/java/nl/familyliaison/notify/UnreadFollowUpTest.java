package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member who has not read an update or a message for three days gets one reminder mail per item; after six days the
 * staff dashboard says to phone them.
 */
class UnreadFollowUpTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);
    private static final String REMINDER = "Er ligt nog iets voor u klaar|Something is still waiting for you";

    @Test
    void oneReminderPerUnreadItemThenACallOnTheDashboard() {
        CaseFiles.OpenCase file = files.open("fi-follow@inspectie.example", "2026-F01");
        Api member = files.member(file, "follow@example.org", "PARENT");
        String base = "/api/cases/" + file.caseId();
        file.inspectorApi().post(base + "/updates", "{\"text\":\"Lees dit.\"}");
        String thread = member.post(base + "/threads", "{\"text\":\"Een vraag.\"}").json().path("thread").path("id")
                .asText();
        file.inspectorApi().post(base + "/threads/" + thread + "/messages", "{\"text\":\"Een antwoord.\"}");

        service.clock().advance(Duration.ofDays(2));
        service.running().features().followUp().remind();
        DeliveryTest.sleep(500);
        assertTrue(Mailbox.to("follow@example.org", REMINDER).isEmpty(), "not before three days");

        service.clock().advance(Duration.ofDays(1).plusMinutes(1));
        service.running().features().followUp().remind();
        service.running().features().followUp().remind();
        Mailbox.awaitNew("follow@example.org", REMINDER, 1);
        DeliveryTest.sleep(500);
        assertEquals(2, Mailbox.to("follow@example.org", REMINDER).size(), "one for the update, one for the answer");

        Api inspector = service.api().as(service.people().signInStaff(file.inspector()));
        assertFalse(inspector.get("/api/dashboard").json().path("unreadUpdates").path(0).path("callMember")
                            .asBoolean(), "a reminder went out: not yet a call");
        service.clock().advance(Duration.ofDays(3));
        inspector = service.api().as(service.people().signInStaff(file.inspector()));
        JsonNode unread = inspector.get("/api/dashboard").json().path("unreadUpdates").path(0);
        assertTrue(unread.path("callMember").asBoolean(), "still unread after six days: phone them");
        service.running().features().followUp().remind();
        DeliveryTest.sleep(500);
        assertEquals(2, Mailbox.to("follow@example.org", REMINDER).size(), "never a second reminder for one item");
    }
}
