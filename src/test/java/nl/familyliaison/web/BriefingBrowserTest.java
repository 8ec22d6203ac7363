package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.familyliaison.access.Role;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The end of an investigation through the members' pages: a report shared with one member is under embargo, warned
 * about, opened (the file downloads), remarked on and, once published, linked (on the timeline too); the other member
 * does not see it and asks for a meeting about their own; a member downloads their data, asks to be removed, sends a
 * complaint, and sees until when they can still use a closed case. The family inspector's side goes over the API.
 */
class BriefingBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final String ILSE = "ilse.briefing@example.org";
    private static final String KEES = "kees.briefing@example.org";
    private static final String PUBLIC_URL = "https://www.onderzoeksraad.example/rapport-noord";
    @RegisterExtension
    static final Client family = Client.perClass(service, "family", "nl");

    @Test
    void readRemarkAndMeetingBeforePublication() throws IOException {
        Team team = Team.open(service, "briefing");
        String ilse = team.invite(ILSE, "Ilse Bakker");
        String kees = team.invite(KEES, "Kees Bakker");
        String base = "/api/cases/" + team.caseId();
        String forIlse = share(team, ilse, "rapport.pdf");
        String forKees = share(team, kees, "samenvatting.pdf");

        // Kees sees only his own report, and would rather have it explained in a meeting.
        Team.startSignedOut(family);
        Team.signInMember(family, KEES, step -> { });
        family.open("cases/" + team.caseId() + "/briefings");
        assertEquals("Het rapport voordat het openbaar is", family.heading());
        assertEquals(1, family.driver().findElements(By.cssSelector("li[id^='briefing-']")).size());
        assertTrue(family.driver().findElements(By.id("briefing-" + forIlse)).isEmpty(), family.text());
        assertFalse(family.text().contains("rapport.pdf"), family.text());
        family.submit("briefing.meetingChoice");
        family.awaitText("Uw familie-inspecteur stelt een tijd voor een gesprek voor.");
        assertTrue(family.text().contains("U vroeg op maandag 2 maart 2026"), family.text());
        assertTrue(team.inspectorNow().get(base + "/briefings/" + forKees).json().path("recipients").get(0)
                           .has("meetingRequestedAt"));
        family.shot("briefing-01-member-asked-meeting");
        Team.signOut(family);

        // Ilse sees the embargo and the warning before anything opens.
        Team.signInMember(family, ILSE, step -> { });
        family.clickLink("Onderzoek brand Noord");
        family.clickLink("Rapport");
        String before = family.text();
        assertTrue(before.contains("Niet openbaar tot 20 maart 2026."), before);
        assertTrue(before.contains("Voordat u het opent") && before.contains("Het kan zwaar zijn om te lezen."), before);
        assertTrue(before.contains("Klopt een feit in het rapport niet? Laat het ons weten tot maandag 16 maart 2026"),
                   before);
        assertTrue(family.driver().findElements(By.cssSelector("a[data-download]")).isEmpty(), "no file before");
        family.browser().js("const warning = document.querySelector('main .utrecht-alert--warning');"
                            + "window.scrollTo(0, warning.getBoundingClientRect().top + window.scrollY - 8);");
        family.shot("briefing-02-member-warning");

        // She opens it: the file downloads.
        family.submit("briefing.openNow");
        family.awaitText("Het rapport wordt gedownload.");
        assertTrue(new String(download("rapport.pdf"), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                           .startsWith("%PDF"));
        assertTrue(team.inspectorNow().get(base + "/briefings/" + forIlse).json().path("recipients").get(0)
                           .has("openedAt"));
        assertFalse(family.text().contains("Voordat u het opent"), family.text());
        family.shot("briefing-03-member-opened");

        // A factual remark, listed as hers.
        family.fill("briefing.remarkSubmit", "text", "Mijn vader reed niet te hard.")
                .submit("briefing.remarkSubmit");
        family.awaitText("Uw opmerking is naar uw familie-inspecteur gestuurd.");
        assertTrue(family.text().contains("Mijn vader reed niet te hard."), family.text());
        family.shot("briefing-04-member-remarked");

        // Published: the public link instead of the embargo, on the timeline too.
        expect(200, team.inspectorNow().post(base + "/briefings/" + forIlse + "/publication",
                                             "{\"publicUrl\":\"" + PUBLIC_URL + "\"}"));
        family.reload();
        family.awaitText("Openbaar sinds");
        assertFalse(family.text().contains("Niet openbaar tot"), family.text());
        assertEquals(PUBLIC_URL, link(PUBLIC_URL).getDomAttribute("href"));
        family.shot("briefing-05-member-published");
        family.clickLink("Verloop");
        assertEquals(PUBLIC_URL, link(PUBLIC_URL).getDomAttribute("href"));
        family.shot("briefing-06-member-timeline-link");
        Team.signOut(family);
    }

    @Test
    void myDataFeedbackAndAClosedCase() {
        Team team = Team.open(service, "mydata");
        String member = "noor.mydata@example.org";
        team.invite(member, "Noor Jansen");
        String base = "/api/cases/" + team.caseId();
        Team.startSignedOut(family);
        Team.signInMember(family, member, step -> { });

        // The export: one zip.
        family.clickLink("Mijn gegevens");
        assertTrue(family.text().contains("U krijgt één zip-bestand met:"), family.text());
        Object zip = family.browser().js("return fetch(document.getElementById('export').href)"
                + ".then(r => r.arrayBuffer().then(b => r.status + ':' + String.fromCharCode(...new Uint8Array(b)"
                + ".slice(0, 2))));");
        assertEquals("200:PK", zip);
        family.shot("briefing-07-member-my-data");

        // Asking to be removed: the second step says who confirms it and what is erased; then the status.
        family.driver().findElement(By.xpath("//button[normalize-space()='Vragen om mijn gegevens te verwijderen']"))
                .click();
        family.awaitText("Uw familie-inspecteur krijgt uw verzoek.");
        assertTrue(family.text().contains("Dan wissen wij uw naam en e-mailadres"), family.text());
        family.shot("briefing-08-member-confirm-removal");
        family.submit("myData.removalConfirm");
        family.awaitText("Uw verzoek is naar uw familie-inspecteur gestuurd.");
        assertTrue(family.text().contains("U vroeg op maandag 2 maart 2026")
                   && family.text().contains("heeft het nog niet bevestigd"), family.text());
        assertEquals(1, team.inspectorNow().get("/api/removal-requests").json().path("requests").size());
        family.shot("briefing-09-member-removal-asked");

        // A complaint goes to the desk, not to the family inspector.
        family.clickLink("Reactie of klacht");
        assertTrue(family.text().contains("niet naar uw eigen familie-inspecteur"), family.text());
        family.choose("feedback.submit", "kind", "COMPLAINT")
                .fill("feedback.submit", "text", "De mail kwam pas na twee dagen.")
                .submit("feedback.submit");
        family.awaitText("Wij hebben uw bericht gekregen");
        Api admin = service.api().as(service.people().signInStaff(
                service.people().staff(Role.ADMIN, "mydata-admin2@inspectie.example")));
        String desk = admin.get("/api/feedback").body();
        assertTrue(desk.contains("De mail kwam pas na twee dagen.") && desk.contains("COMPLAINT"), desk);
        family.shot("briefing-10-member-feedback-sent");

        // A closed case: until when, and that messages still go.
        expect(200, team.inspectorNow().post(base + "/closing", "{\"text\":\"Het onderzoek is klaar.\"}"));
        family.open("cases/" + team.caseId());
        family.awaitText("Dit onderzoek is afgesloten. U kunt het nog zien tot");
        assertTrue(family.text().contains("berichten sturen aan uw familie-inspecteur"), family.text());
        family.shot("briefing-11-member-closed-case");
        family.clickLink("Berichten");
        family.awaitText("Dit onderzoek is afgesloten. U kunt het nog zien tot");
        Team.signOut(family);
    }

    private static String share(Team team, String membership, String fileName) {
        Api inspector = team.inspectorNow();
        String path = "/api/cases/" + team.caseId();
        String upload = expect(201, inspector.send("POST", path + "/attachments", "application/pdf",
                                                   SampleFiles.pdf("Eindrapport brand Noord"), "X-File-Name", fileName))
                .json().path("id").asText();
        return expect(201, inspector.post(path + "/briefings", "{\"attachmentId\":\"" + upload + "\",\"memberIds\":[\""
                                                             + membership + "\"],\"publicationDate\":\"2026-03-20\","
                                                             + "\"remarksUntil\":\"2026-03-16T16:00:00Z\"}"))
                .json().path("id").asText();
    }

    private static WebElement link(String href) {
        return family.driver().findElement(By.cssSelector("main a[href='" + href + "']"));
    }

    private static byte[] download(String name) throws IOException {
        Path file = family.browser().downloads().resolve(name);
        family.await(driver -> Files.exists(file) && !Files.exists(file.resolveSibling(name + ".crdownload")));
        return Files.readAllBytes(file);
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ": " + reply);
        }
        return reply;
    }
}
