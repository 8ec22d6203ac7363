package nl.familyliaison.notify;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a person chose about mail holds: quiet hours hold mail until the morning (codes excepted), mail off sends
 * nothing while the dashboard still shows what is unread, a detail level filters, a failed mail reaches the dashboard.
 */
class PreferencesTest {

    /** 23:30 in Amsterdam. */
    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .clock(TestClock.at("2026-03-02T22:30:00Z")));
    private static final CaseFiles files = new CaseFiles(service);
    private static final String NEWS = "Er is nieuws voor u|There is news for you";

    @Test
    void quietHoursHoldMailUntilSevenButNotSignInCodes() {
        CaseFiles.OpenCase file = files.open("fi-night@inspectie.example", "2026-N01");
        Api member = files.member(file, "night@example.org", "PARENT");
        assertFalse(Mailbox.to("night@example.org", "Uw inlogcode").isEmpty(), "the code came at once, at night");
        assertEquals("22:00", member.get("/api/preferences").json().path("quietHours").path("start").asText());
        file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates", "{\"text\":\"Nieuws.\"}");
        DeliveryTest.sleep(800);
        assertTrue(Mailbox.to("night@example.org", NEWS).isEmpty(), "no mail during quiet hours");
        service.clock().set(Instant.parse("2026-03-03T06:01:00Z"));
        Mailbox.awaitNew("night@example.org", NEWS, 0);
    }

    @Test
    void mailOffSendsNothingButTheDashboardShowsTheUnreadUpdate() {
        CaseFiles.OpenCase file = files.open("fi-off@inspectie.example", "2026-N02");
        Api member = files.member(file, "off@example.org", "PARTNER");
        JsonNode changed = member.send("PUT", "/api/preferences", "application/json",
                                       ("{\"language\":\"en\",\"mailEnabled\":false,\"detailLevel\":\"EVERYTHING\","
                                        + "\"quietHours\":{\"start\":\"00:00\",\"end\":\"00:00\"}}").getBytes())
                .json();
        assertFalse(changed.path("mailEnabled").asBoolean());
        assertEquals("en", changed.path("language").asText());
        String update = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates",
                                                 "{\"text\":\"Stil nieuws.\"}").json().path("id").asText();
        DeliveryTest.sleep(800);
        assertTrue(Mailbox.to("off@example.org", NEWS).isEmpty(), "mail off means no mail");
        JsonNode unread = file.inspectorApi().get("/api/dashboard").json().path("unreadUpdates");
        assertEquals(update, unread.path(0).path("updateId").asText());
        assertEquals("Member off", unread.path(0).path("memberName").asText());
    }

    @Test
    void appointmentsOnlyLeavesUpdatesOutOfTheMail() {
        CaseFiles.OpenCase file = files.open("fi-detail@inspectie.example", "2026-N03");
        Api member = files.member(file, "detail@example.org", "CHILD");
        member.send("PUT", "/api/preferences", "application/json",
                    ("{\"language\":\"nl\",\"mailEnabled\":true,\"detailLevel\":\"APPOINTMENTS\","
                     + "\"quietHours\":{\"start\":\"00:00\",\"end\":\"00:00\"}}").getBytes());
        file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates", "{\"text\":\"Details.\"}");
        DeliveryTest.sleep(800);
        assertTrue(Mailbox.to("detail@example.org", NEWS).isEmpty());
    }

    @Test
    void badPreferencesAreRefused() {
        CaseFiles.OpenCase file = files.open("fi-prefs@inspectie.example", "2026-N04");
        Api member = files.member(file, "prefs@example.org", "SIBLING");
        for (String body : new String[] {
                "{\"language\":\"fr\",\"mailEnabled\":true,\"detailLevel\":\"EVERYTHING\","
                + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}",
                "{\"language\":\"nl\",\"detailLevel\":\"EVERYTHING\","
                + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}",
                "{\"language\":\"nl\",\"mailEnabled\":true,\"detailLevel\":\"SOME\","
                + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}",
                "{\"language\":\"nl\",\"mailEnabled\":true,\"detailLevel\":\"EVERYTHING\","
                + "\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}"}) {
            int status = member.unchecked().send("PUT", "/api/preferences", "application/json", body.getBytes())
                    .status();
            assertEquals(400, status, body);
        }
        assertProblem(member.unchecked().send("PUT", "/api/preferences", "application/json", "{}".getBytes()), 400,
                      "invalid-input");
    }

    @Test
    void aMailThatFailedForGoodShowsOnTheInspectorsDashboard() {
        CaseFiles.OpenCase file = files.open("fi-failed@inspectie.example", "2026-N05");
        JsonNode membership = files.invite(file, "unreachable@example.org", "VICTIM");
        new Transactions(service.running().database().client()).inTransaction(tx -> {
            service.running().features().outbox().enqueue(tx, new Mail(
                    "failing-" + System.nanoTime(), membership.path("accountId").asText(), "not an address",
                    MailTemplate.SIGN_IN_CODE, new Language("nl"), Map.of("code", "00000000", "minutes", "10"), Mail.Priority.SIGN_IN));
            return null;
        });
        service.running().features().outbox().afterCommit();
        DeliveryTest.await(() -> file.inspectorApi().get("/api/dashboard").json().path("failedNotifications")
                .size() > 0, "the failure reached the dashboard");
        JsonNode failed = file.inspectorApi().get("/api/dashboard").json().path("failedNotifications").path(0);
        assertEquals(membership.path("id").asText(), failed.path("memberId").asText());
        assertEquals(file.caseId(), failed.path("caseId").asText());
    }

}
