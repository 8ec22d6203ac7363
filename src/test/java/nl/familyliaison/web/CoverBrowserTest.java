package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Absence cover, overdue promises and representatives in the browser: the family inspector names a substitute by
 * keyboard, the substitute reads and answers a member's message, the member sees who stands in until when and no
 * longer once the date has passed; the escalation mails and the administrators' line; a FULL representative reads
 * the member's timeline and answers an interview on their behalf, which staff see. Every new page passes axe-core at
 * 360 and 1280 px.
 */
class CoverBrowserTest {

    private static final String COORDINATION = "coordinatie.browser@inspectie.example";

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder.set("cases.coordination-address",
                                                                                   COORDINATION));
    @RegisterExtension
    static final Client staff = Client.perClass(service, "staff", "nl");
    @RegisterExtension
    static final Client family = Client.perClass(service, "family", "nl");
    private static final List<String> PROBLEMS = new ArrayList<>();

    @Test
    void theSubstituteAnswersTheMemberSeesWhoStandsInAndItEndsOnItsDate() {
        Team team = Team.open(service, "cover-web");
        team.invite("mila.cover@example.org", "Mila Jansen");
        People.Staff substitute = service.people().staff(Role.FAMILY_INSPECTOR, "sanne.sub@inspectie.example");
        LocalDate today = LocalDate.now(service.clock().withZone(ZoneId.of("Europe/Amsterdam")));

        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        staff.open("absence");
        assertEquals("Afwezigheid en vervanging", staff.heading());
        staff.set("absence.submit", "from", today.toString()).set("absence.submit", "until",
                                                                 today.plusDays(2).toString());
        staff.select("absence.submit", "substituteId", substitute.account().id());
        // Sent by keyboard: Enter on the focused button.
        WebElement send = staff.form("absence.submit").findElement(By.cssSelector("button[type=submit]"));
        staff.browser().js("arguments[0].focus();", send);
        send.sendKeys(Keys.ENTER);
        staff.awaitText("Staff sanne.sub vervangt Staff cover-web-fi");
        checks(staff, "cover-01-staff-absence");
        Mailbox.await(substitute.account().email(), "Wijziging in een van uw onderzoeken");

        Api member = service.api().as(service.people().signInMember("mila.cover@example.org"));
        String thread = member.post("/api/cases/" + team.caseId() + "/threads", "{\"text\":\"Is er al nieuws?\"}")
                .json().path("thread").path("id").asText();
        Mailbox.await(substitute.account().email(), "Er is iets nieuws voor u");

        Team.signOut(staff);
        team.signIn(staff, substitute);
        staff.open("cases/" + team.caseId() + "/messages/" + thread);
        staff.awaitText("Is er al nieuws?");
        staff.fill("thread.send", "text", "Ik vervang uw contactpersoon. Ik bel u morgen.").submit("thread.send");
        staff.awaitText("Ik vervang uw contactpersoon.");
        checks(staff, "cover-02-substitute-answers");

        Team.startSignedOut(family);
        Team.signInMember(family, "mila.cover@example.org", step -> { });
        family.open("cases/" + team.caseId() + "/contacts");
        family.awaitText("Staff sanne.sub vervangt Staff cover-web-fi tot en met");
        checks(family, "cover-03-member-sees-replacement");
        family.open("cases/" + team.caseId() + "/messages/" + thread);
        family.awaitText("Ik bel u morgen.");

        service.clock().advance(Duration.ofDays(3));
        Team.startSignedOut(family);
        Team.signInMember(family, "mila.cover@example.org", step -> { });
        family.open("cases/" + team.caseId() + "/contacts");
        family.awaitText("Uw contactpersonen");
        assertFalse(family.text().contains("vervangt"), "the cover ended on its date");
        Api later = service.api().as(service.people().signInStaff(substitute));
        assertEquals(404, later.get("/api/cases/" + team.caseId()).status());
        assertEquals(List.of(), PROBLEMS);
    }

    @Test
    void anOverduePromiseIsMailedAndShownToAdministrators() {
        Team team = Team.open(service, "late-web");
        LocalDate today = LocalDate.now(service.clock().withZone(ZoneId.of("Europe/Amsterdam")));
        LocalDate promise = today.plusDays(3);
        assertEquals(200, team.inspectorNow().send("PUT", "/api/cases/" + team.caseId() + "/next-update",
                                                    "application/json", ("{\"date\":\"" + promise + "\"}").getBytes())
                .status());
        String fi = team.inspector().account().email();
        int before = Mailbox.to(fi, "Een beloofde update komt eraan").size();
        service.clock().set(promise.atTime(9, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
        round();
        Mailbox.awaitNew(fi, "Een beloofde update komt eraan", before);
        service.clock().set(promise.plusDays(14).atTime(9, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
        round();
        round();
        Mailbox.Received escalated = Mailbox.await(COORDINATION, "Een beloofde update is te laat");
        assertTrue(escalated.text().contains(team.reference()), escalated.text());
        assertEquals(1, Mailbox.to(COORDINATION, "Een beloofde update is te laat").stream()
                .filter(mail -> mail.text().contains(team.reference())).count(), "one mail per promise and stage");

        People.Staff admin = service.people().staff(Role.ADMIN, "late-admin@inspectie.example");
        Team.startSignedOut(staff);
        team.signIn(staff, admin);
        staff.open("admin/overdue-promises");
        staff.awaitText(team.reference());
        assertTrue(staff.text().contains("Familie-inspecteur: Staff late-web-fi"), staff.text());
        checks(staff, "cover-04-admin-overdue");
        assertEquals(List.of(), PROBLEMS);
    }

    @Test
    void aFullRepresentativeReadsTheTimelineAndAnswersOnBehalf() {
        Team team = Team.open(service, "rep-web");
        String victim = team.invite("noor.rep@example.org", "Noor Bakker");
        Api inspector = team.inspectorNow();
        String base = "/api/cases/" + team.caseId();
        inspector.post(base + "/updates", "{\"text\":\"Alleen voor Noor: het gesprek met de politie is gepland.\","
                                          + "\"visibleTo\":[\"" + victim + "\"]}");
        Instant start = service.clock().instant().plus(Duration.ofDays(10));
        String proposal = team.investigatorNow().post(base + "/interview-proposals", "{\"slots\":[{\"start\":\""
                + start + "\",\"end\":\"" + start.plus(Duration.ofHours(1)) + "\"}],\"mode\":\"PHONE\","
                + "\"memberIds\":[\"" + victim + "\"]}").json().path("id").asText();

        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        staff.open("cases/" + team.caseId());
        staff.expand("staffCase.inviteSubmit")
                .fill("staffCase.inviteSubmit", "email", "mr.visser@example.org")
                .fill("staffCase.inviteSubmit", "displayName", "Mr. Visser")
                .select("staffCase.inviteSubmit", "relation", "LAWYER")
                .select("staffCase.inviteSubmit", "representsMemberId", victim)
                .select("staffCase.inviteSubmit", "representationScope", "FULL")
                .submit("staffCase.inviteSubmit");
        staff.awaitText("Vertegenwoordigt Noor Bakker.");
        checks(staff, "cover-05-staff-representative");

        Team.startSignedOut(family);
        Team.signInMember(family, "mr.visser@example.org", step -> { });
        family.open("cases/" + team.caseId());
        family.awaitText("het gesprek met de politie is gepland");
        family.open("cases/" + team.caseId() + "/interviews");
        family.awaitText("U antwoordt namens Noor Bakker.");
        family.choose("interviews.answerSubmit", "choice", "DECLINE").submit("interviews.answerSubmit");
        checks(family, "cover-06-representative-answers");
        family.open("cases/" + team.caseId() + "/contacts");
        family.awaitText("U vertegenwoordigt Noor Bakker.");

        staff.open("cases/" + team.caseId() + "/interviews");
        staff.awaitText("Gegeven door Mr. Visser, namens Noor Bakker");
        checks(staff, "cover-07-staff-sees-on-behalf");
        assertEquals("DECLINE", inspector.get("/api/interview-proposals/" + proposal).json().path("answers").get(0)
                .path("choice").asText());
        assertEquals(List.of(), PROBLEMS);
    }

    private static void round() {
        service.running().features().administering().promises().round();
    }

    /** A screenshot, and axe-core at phone and desktop width. */
    private static void checks(Client client, String page) {
        client.shot(page);
        PageChecks.expandAll(client);
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(360, 640))) {
            client.driver().manage().window().setSize(size);
            PageChecks.accessibilityViolations(client).forEach(
                    violation -> PROBLEMS.add(page + " at " + size.width + " px: " + violation));
        }
        if (client.browser().scrollsSideways()) {
            PROBLEMS.add(page + ": scrolls sideways at 360 px");
        }
    }
}
