package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The end of an investigation through the staff pages: the family inspector shares the report with one member, sees
 * that the member opened it, their remark and their wish for a meeting (and proposes that meeting), publishes it,
 * closes the case; an administrator reads feedback and the retention preview; the family inspector confirms a
 * removal request. The member's side goes over the API.
 */
class ClosingBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final String MEMBER = "ilse.closing@example.org";
    @RegisterExtension
    static final Client staff = Client.perClass(service, "staff", "nl");

    @Test
    void briefCloseReadFeedbackAndRemove() throws IOException {
        Team team = Team.open(service, "closing");
        team.invite(MEMBER, "Ilse Bakker");
        team.invite("kees.closing@example.org", "Kees Bakker");
        Api member = service.api().as(service.people().signInMember(MEMBER));
        String base = "/api/cases/" + team.caseId();

        // The family inspector shares the report with one member through the form.
        team.signIn(staff, team.inspector());
        staff.open("cases/" + team.caseId() + "/staff-briefings");
        assertEquals("Rapport vooraf delen", staff.heading());
        staff.form("staffBriefing.shareSubmit").findElement(By.name("file")).sendKeys(report().toString());
        staff.form("staffBriefing.shareSubmit").findElement(By.xpath(".//label[normalize-space()='Ilse Bakker']"))
                .click();
        staff.set("staffBriefing.shareSubmit", "publicationDate", "2026-03-20")
                .set("staffBriefing.shareSubmit", "remarksUntil", "2026-03-21T00:00")
                .fill("staffBriefing.shareSubmit", "note", "Lees het rustig; bel mij als u vragen heeft.");
        String refused = staff.submitRefused("staffBriefing.shareSubmit");
        assertTrue(refused.contains("Opmerkingen mogelijk tot (vanaf nu tot de publicatiedatum)"), refused);
        staff.set("staffBriefing.shareSubmit", "remarksUntil", "2026-03-16T17:00")
                .submit("staffBriefing.shareSubmit");
        staff.awaitText("Rapport, openbaar op 20 maart 2026");
        String shared = staff.driver().findElement(By.cssSelector("main li[id^='briefing-']")).getText();
        assertTrue(shared.contains("Nog niet openbaar (embargo)") && shared.contains("Nog niet geopend"), shared);
        assertTrue(shared.contains("Opmerkingen mogelijk tot maandag 16 maart 2026 om 17:00"), shared);
        assertTrue(shared.contains("eindrapport.pdf"), shared);
        assertFalse(shared.contains("Kees Bakker"), "shared with Ilse only: " + shared);
        staff.shot("closing-01-staff-briefing-shared");
        JsonNode briefing = member.get(base + "/briefings").json().path("briefings").get(0);
        assertTrue(briefing.path("embargoed").asBoolean(), "the member sees the briefing shared with her");

        // The member opens it, remarks on it and asks for a meeting; the family inspector sees all of it.
        String one = base + "/briefings/" + briefing.path("id").asText();
        assertEquals(200, member.post(one + "/opening", "{}").status());
        assertEquals(201, member.post(one + "/remarks", "{\"text\":\"Mijn vader reed niet te hard.\"}").status());
        assertEquals(200, member.post(one + "/meeting-request", "{}").status());
        staff.reload();
        staff.awaitText("Geopend op maandag 2 maart 2026");
        String seen = staff.text();
        assertTrue(seen.contains("Mijn vader reed niet te hard.") && seen.contains("Ilse Bakker op"), seen);
        assertTrue(seen.contains("Wil het liever in een gesprek horen"), seen);
        staff.shot("closing-02-staff-briefing-opened");

        // The meeting: an interview proposal for Ilse alone, linked to her request.
        staff.expand("staffBriefing.bookSubmit")
                .set("staffBriefing.bookSubmit", "start1", "2026-03-10T10:00")
                .select("staffBriefing.bookSubmit", "mode", "IN_PERSON")
                .fill("staffBriefing.bookSubmit", "place", "Inspectie, Stationsplein 1, Den Haag")
                .submit("staffBriefing.bookSubmit");
        staff.awaitText("Er is een gesprek voorgesteld.");
        JsonNode proposal = member.get(base + "/interview-proposals").json().get(0);
        assertEquals(proposal.path("id").asText(), team.inspectorNow().get(one).json().path("recipients").get(0)
                .path("meetingProposalId").asText());
        assertEquals(1, proposal.path("members").size());
        assertEquals("Ilse Bakker", proposal.path("members").get(0).path("name").asText());
        staff.shot("closing-03-staff-meeting-proposed");

        // Publishing: an address without https is refused, the https one lifts the embargo.
        staff.expand("staffBriefing.publishSubmit")
                .fill("staffBriefing.publishSubmit", "publicUrl", "http://www.onderzoeksraad.example/rapport");
        String notHttps = staff.submitRefused("staffBriefing.publishSubmit");
        assertTrue(notHttps.contains("begint met https://"), notHttps);
        staff.fill("staffBriefing.publishSubmit", "publicUrl", "https://www.onderzoeksraad.example/rapport")
                .submit("staffBriefing.publishSubmit");
        staff.awaitText("Openbaar sinds");
        assertTrue(staff.text().contains("https://www.onderzoeksraad.example/rapport"), staff.text());
        assertFalse(member.get(one).json().path("embargoed").asBoolean());
        staff.shot("closing-04-staff-briefing-published");

        // Closing: the second step says what happens, then the case is closed.
        staff.clickLink("Afsluiten");
        staff.fill("closing.review", "text", "Het onderzoek is klaar. U kunt mij nog drie maanden berichten sturen.")
                .submit("closing.review");
        String warning = staff.text();
        assertTrue(warning.contains("nog lezen en berichten sturen tijdens de nazorg")
                   && warning.contains("Daarna kunnen zij het onderzoek niet meer zien."), warning);
        staff.shot("closing-05-staff-confirm-closing");
        staff.submit("closing.confirmSubmit");
        staff.awaitText("Dit onderzoek is afgesloten");
        JsonNode closed = team.inspectorNow().get(base).json();
        assertEquals("CLOSED", closed.path("status").asText());
        assertTrue(staff.text().contains("kunnen het onderzoek lezen tot zondag 31 mei 2026"), staff.text());
        staff.shot("closing-06-staff-closed");

        // An administrator reads the feedback and the retention preview.
        assertEquals(201, member.post("/api/feedback", "{\"kind\":\"COMPLAINT\",\"about\":\"SERVICE\","
                                                       + "\"text\":\"De mail kwam pas na twee dagen.\"}").status());
        Team.signOut(staff);
        People.Staff admin = service.people().staff(Role.ADMIN, "closing-admin2@inspectie.example");
        team.signIn(staff, admin);
        staff.awaitText("Alle onderzoeken");
        staff.clickLink("Reacties en klachten");
        assertEquals("Reacties en klachten", staff.heading());
        String feedback = staff.text();
        assertTrue(feedback.contains("Klacht") && feedback.contains("De mail kwam pas na twee dagen.")
                   && feedback.contains("Over de dienst"), feedback);
        staff.shot("closing-07-admin-feedback");
        staff.clickLink("Bewaartermijnen");
        staff.awaitText("Er is nu geen onderzoek om op te ruimen.");
        staff.shot("closing-08-admin-retention");
        Team.signOut(staff);

        // The family inspector confirms the member's removal request after a second step.
        assertEquals(202, member.post("/api/removal-requests", "{}").status());
        team.signIn(staff, team.inspector());
        staff.clickLink("Verzoeken om verwijdering");
        assertTrue(staff.text().contains("Ilse Bakker"), staff.text());
        staff.driver().findElement(By.xpath("//button[normalize-space()='Gegevens verwijderen']")).click();
        staff.awaitText("Dit kan niet ongedaan worden gemaakt.");
        staff.shot("closing-09-staff-confirm-removal");
        staff.submit("removals.confirmSubmit");
        staff.awaitText("De gegevens zijn verwijderd. Het verzoek is afgehandeld.");
        assertTrue(staff.text().contains("Er zijn geen open verzoeken.") && !staff.text().contains("Ilse Bakker"),
                   staff.text());
        assertEquals(401, member.get("/api/session").status(), "the removed member is signed out");
        staff.shot("closing-10-staff-removed");
        Team.signOut(staff);

        // Once the aftercare and the content period are over, the preview names the case.
        service.clock().advance(Duration.ofDays(121));
        team.signIn(staff, admin);
        staff.clickLink("Bewaartermijnen");
        staff.awaitText(team.reference());
        assertTrue(staff.text().contains("Rapporten vooraf: 1"), staff.text());
        staff.shot("closing-11-admin-retention-due");
    }

    private static Path report() throws IOException {
        return Files.write(TestFolders.fresh("closing-files").resolve("eindrapport.pdf"),
                           SampleFiles.pdf("Eindrapport brand Noord"));
    }
}
