package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "How well are families kept informed?" against a history made step by step on a moving clock: two next-update
 * promises due in March (one kept, one late), two questions answered after 2 and 1 working days (median 1.5), one
 * interview held and one not, one mail to the member that failed for good (the member is in a second family
 * inspector's case too: it counts for both, once in the month's total). The page's tables and its CSV download
 * must show exactly these counts, per month and for the family inspector; the failed mail shows on its own page
 * with its reason and the member's address masked.
 */
class KeptInformedBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final String MEMBER = "fenna.figures@example.org";
    @RegisterExtension
    static final Client admin = Client.perClass(service, "figures-admin", "nl");
    private static Team team;

    @BeforeAll
    static void history() throws SQLException {
        team = Team.open(service, "figures");
        String membership = team.invite(MEMBER, "Fenna de Boer");
        String path = "/api/cases/" + team.caseId();
        service.clock().advance(Duration.ofHours(1));
        ok(team.inspectorNow().post(path + "/updates", "{\"text\":\"De eerste stukken zijn binnen.\"}"));
        Api member = memberNow();
        String thread = ok(member.post(path + "/threads", "{\"text\":\"Wanneer hoor ik meer?\"}"))
                .json().path("thread").path("id").asText();
        String messages = path + "/threads/" + thread + "/messages";
        at("2026-03-04T12:00:00Z");
        ok(team.inspectorNow().post(messages, "{\"text\":\"Volgende week.\"}"));
        at("2026-03-06T10:00:00Z");
        member = memberNow();
        ok(member.post(messages, "{\"text\":\"Nog een vraag.\"}"));
        service.clock().advance(Duration.ofMinutes(20));
        ok(member.post(messages, "{\"text\":\"En nog iets erbij.\"}"));
        at("2026-03-09T12:00:00Z");
        ok(team.inspectorNow().post(messages, "{\"text\":\"Hier is het antwoord.\"}"));
        Api investigator = team.investigatorNow();
        outcome(interview(investigator, path, membership, "2026-03-20"), "HELD");
        outcome(interview(investigator, path, membership, "2026-03-23"), "NOT_HELD");
        String memberId = service.running().features().accounts().byEmail(MEMBER).orElseThrow().id();
        Sql.run(service, "INSERT INTO outbox (id, event_key, recipient_id, recipient_email, template, language, "
                         + "priority, status, attempts, created_at, due_at, failed_at, failure_reason, last_error) "
                         + "VALUES (UUID(), 'figures:failed', '" + memberId + "', '" + MEMBER + "', 'new-update', "
                         + "'nl', 5, 'FAILED', 1, '2026-03-10 09:00:00', '2026-03-10 09:00:00', "
                         + "'2026-03-10 09:00:05', 'ADDRESS_REFUSED', 'SendFailedException: Invalid Addresses')");
        at("2026-04-02T09:00:00Z");
        ok(team.inspectorNow().post(path + "/updates", "{\"text\":\"Het volgende bericht, te laat.\"}"));
        // The member is in a second family inspector's case too: the failed mail counts for both, once in the total.
        Team.open(service, "figures-two").invite(MEMBER, "Fenna de Boer");
    }

    @Test
    void theFiguresShowTheHistoryInTheTablesAndTheCsv() {
        openAsNewAdministrator("figures", "Cijfers", "Hoe goed houden we families op de hoogte?");
        assertEquals(List.of("2", "1"), AdminPages.figuresRow(admin, "promises", "2026-03"));
        assertEquals(List.of("2", "1,5"), AdminPages.figuresRow(admin, "answers", "2026-03"));
        assertEquals(List.of("1", "1"), AdminPages.figuresRow(admin, "interviews", "2026-03"));
        assertEquals(List.of("1"), AdminPages.figuresRow(admin, "mails", "2026-03"));
        assertEquals(List.of("0", "0"), AdminPages.figuresRow(admin, "promises", "2026-04"));
        assertEquals(List.of("Staff figures-fi", "2", "1", "2", "1,5", "1", "1", "1",
                             "Staff figures-two-fi", "0", "0", "0", "–", "0", "0", "1"),
                     AdminPages.figuresRow(admin, "inspectors", "2026-03"));
        admin.shot("figures-01-kept-informed");
        AdminPages.checkAtBothWidths(admin, "nl");
        admin.language("en");
        admin.awaitText("How well are families kept informed?");
        assertEquals(List.of("2", "1.5"), AdminPages.figuresRow(admin, "answers", "2026-03"));
        AdminPages.checkAtBothWidths(admin, "en");
        admin.language("nl");
        admin.awaitText("Hoe goed houden we families op de hoogte?");

        String csv = String.valueOf(admin.browser().js(
                "return fetch(document.getElementById('figures-csv').href).then(answer => answer.text());"));
        List<String> lines = csv.lines().toList();
        assertEquals("month,family_inspector,promises_due,promises_kept_on_time,questions_answered,"
                     + "median_working_days_to_answer,interviews_held,interviews_not_held,mails_failed_for_good",
                     lines.get(0));
        assertTrue(lines.contains("2026-03,all,2,1,2,1.5,1,1,1"), csv);
        assertTrue(lines.contains("2026-03,Staff figures-fi,2,1,2,1.5,1,1,1"), csv);
        assertTrue(lines.contains("2026-03,Staff figures-two-fi,0,0,0,,0,0,1"), csv);
        assertTrue(lines.contains("2026-04,all,0,0,0,,0,0,0"), csv);
        assertEquals(1 + 12 + 2, lines.size(), csv);
    }

    @Test
    void theFailedMailShowsItsReasonAndNoFullAddress() {
        openAsNewAdministrator("mails", "Mislukte mails", "Mislukte mails (1)");
        String row = admin.driver().findElement(By.cssSelector("table.fl-table tbody tr")).getText();
        assertTrue(row.contains("Nieuw bericht op de tijdlijn") && row.contains("Adres geweigerd")
                   && row.contains("Familielid") && row.contains("f…@example.org"), row);
        assertFalse(admin.text().contains(MEMBER), "a member's address shows masked only");
        admin.shot("figures-02-failed-mails");
        AdminPages.checkAtBothWidths(admin, "nl");
    }

    /** Signs a new administrator in and follows a menu link until the page shows {@code expected}. */
    private static void openAsNewAdministrator(String label, String link, String expected) {
        People.Staff administrator = service.people().staff(Role.ADMIN, label + "-admin@inspectie.example");
        Team.startSignedOut(admin);
        team.signIn(admin, administrator);
        admin.clickLink(link);
        admin.awaitText(expected);
    }

    private static Api memberNow() {
        return service.api().as(service.people().signInMember(MEMBER));
    }

    private static void at(String instant) {
        service.clock().set(Instant.parse(instant));
    }

    private static String interview(Api staff, String path, String membership, String day) {
        Reply proposed = ok(staff.post(path + "/interview-proposals", "{\"slots\":[{\"start\":\"" + day
                                       + "T09:00:00Z\",\"end\":\"" + day + "T10:00:00Z\"}],\"mode\":\"PHONE\","
                                       + "\"memberIds\":[\"" + membership + "\"]}"));
        String slot = proposed.json().path("slots").get(0).path("id").asText();
        return ok(staff.post("/api/interview-proposals/" + proposed.json().path("id").asText() + "/confirmation",
                             "{\"slotId\":\"" + slot + "\"}")).json().path("id").asText();
    }

    private static void outcome(String appointmentId, String outcome) throws SQLException {
        Sql.run(service, "UPDATE appointment SET outcome = '" + outcome + "', outcome_recorded_at = "
                         + "'2026-03-24 09:00:00' WHERE id = '" + appointmentId + "'");
    }

    private static Reply ok(Reply reply) {
        if (reply.status() >= 300) {
            throw new AssertionError(reply.toString());
        }
        return reply;
    }
}
