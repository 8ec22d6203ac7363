package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;


import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The whole journey in two real browsers, one for the family and one for the staff: the family inspector invites a
 * member, the member signs in with the code from the mail, reads the timeline, sends a message (with a photo), the
 * inspector replies, the member reads it, an investigator proposes an interview, the member picks a time, the
 * investigator confirms it, the member downloads the calendar file, and the inspector posts an update.
 */
class JourneyBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final String MEMBER = "sanne.journey@example.org";
    @RegisterExtension
    static final Client family = Client.perClass(service, "family", "nl");
    @RegisterExtension
    static final Client staff = Client.perClass(service, "staff", "nl");

    @Test
    void fromInvitationToInterviewAndUpdate() throws IOException {
        Team team = Team.open(service, "journey");
        team.inspectorNow().post("/api/cases/" + team.caseId() + "/updates",
                                 "{\"text\":\"Welkom. Wij beginnen met het onderzoek.\"}");

        // The family inspector invites a member.
        team.signIn(staff, team.inspector());
        staff.shot("journey-01-staff-dashboard");
        staff.clickLink(team.reference() + " · Onderzoek brand Noord");
        staff.expand("staffCase.inviteSubmit")
                .fill("staffCase.inviteSubmit", "email", MEMBER)
                .fill("staffCase.inviteSubmit", "displayName", "Sanne de Vries")
                .select("staffCase.inviteSubmit", "relation", "SIBLING")
                .submit("staffCase.inviteSubmit");
        assertTrue(staff.text().contains("Sanne de Vries"), staff.text());
        assertTrue(staff.text().contains("nog niet ingelogd"), staff.text());
        staff.shot("journey-02-staff-case-invited");

        // The member signs in with the code from the mail and reads the timeline.
        Team.signInMember(family, MEMBER, step -> family.shot("journey-03-" + step));
        assertEquals("Mijn onderzoeken", family.heading());
        family.shot("journey-04-member-cases");
        family.clickLink("Onderzoek brand Noord");
        assertEquals("Hoe staat het onderzoek ervoor?", family.heading());
        String timeline = family.text();
        assertTrue(timeline.contains("Wat gebeurt er nu?") && timeline.contains("Wat gebeurt er hierna?"), timeline);
        assertTrue(timeline.contains("Welkom. Wij beginnen met het onderzoek."), timeline);
        assertTrue(timeline.contains("U krijgt uiterlijk"), timeline);
        family.shot("journey-05-member-timeline");

        // The member sends a message with a photo.
        family.clickLink("Berichten");
        Path photo = photo();
        family.fill("messages.send", "text", "Wanneer hoor ik meer over de gesprekken?");
        family.form("messages.send").findElement(By.name("files")).sendKeys(photo.toString());
        family.submit("messages.send");
        family.awaitText("Wanneer hoor ik meer over de gesprekken?");
        assertTrue(family.text().contains("Nog niet gelezen"), family.text());
        assertTrue(family.text().contains("foto.png"), family.text());
        family.shot("journey-06-member-message-sent");

        // The inspector replies.
        staff.open("cases/" + team.caseId() + "/messages");
        staff.shot("journey-07-staff-messages");
        staff.clickLink(staff.driver().findElement(By.cssSelector("main .fl-cards a")).getText());
        staff.awaitText("Wanneer hoor ik meer over de gesprekken?");
        staff.fill("thread.send", "text", "Een onderzoeker neemt deze week contact met u op.")
                .submit("thread.send");
        staff.awaitText("Een onderzoeker neemt deze week contact met u op.");
        staff.shot("journey-08-staff-replied");

        // The member reads the reply and sees that their message was read.
        family.reload();
        family.awaitText("Een onderzoeker neemt deze week contact met u op.");
        assertTrue(family.text().contains("Gelezen door"), family.text());
        family.shot("journey-09-member-reads-reply");

        // An investigator proposes an interview.
        Team.signOut(staff);
        team.signIn(staff, team.investigator());
        staff.open("cases/" + team.caseId() + "/interviews");
        staff.form("interviews.proposeSubmit").findElement(By.xpath(".//label[normalize-space()='Sanne de Vries']"))
                .click();
        staff.set("interviews.proposeSubmit", "start1", "2026-03-10T10:00")
                .set("interviews.proposeSubmit", "start2", "2026-03-11T14:00")
                .select("interviews.proposeSubmit", "mode", "VIDEO")
                .fill("interviews.proposeSubmit", "place", "https://video.example.org/gesprek-314")
                .submit("interviews.proposeSubmit");
        staff.awaitText("Wacht op antwoord");
        staff.shot("journey-10-investigator-proposed");

        // The member picks a time.
        family.clickLink("Gesprekken");
        family.awaitText("Welke tijd past u?");
        family.form("interviews.answerSubmit")
                .findElement(By.xpath(".//label[contains(., 'woensdag 11 maart 2026')]")).click();
        family.submit("interviews.answerSubmit");
        family.awaitText("kiest: woensdag 11 maart 2026");
        family.shot("journey-11-member-picked");

        // The investigator confirms it; the member downloads the calendar file.
        staff.reload();
        staff.awaitText("kiest: woensdag 11 maart 2026");
        staff.click(By.xpath("//button[contains(@aria-label, 'woensdag 11 maart 2026')]"));
        staff.awaitText("Afspraak staat vast");
        staff.shot("journey-12-investigator-confirmed");
        family.reload();
        family.awaitText("Afspraak staat vast");
        family.shot("journey-13-member-appointment");
        family.driver().findElement(By.linkText("Zet in mijn agenda (.ics)")).click();
        String calendar = download(family, "appointment.ics");
        assertTrue(calendar.contains("BEGIN:VCALENDAR"), calendar);
        assertTrue(calendar.contains("DTSTART;TZID=Europe/Amsterdam:20260311T140000"), calendar);

        // The inspector posts an update; the member reads it.
        Team.signOut(staff);
        team.signIn(staff, team.inspector());
        staff.open("cases/" + team.caseId());
        staff.fill("staffCase.postSubmit", "text", "De gesprekken zijn begonnen. Wij houden u op de hoogte.")
                .submit("staffCase.postSubmit");
        staff.awaitText("De gesprekken zijn begonnen.");
        staff.shot("journey-14-staff-posted-update");
        family.clickLink("Verloop");
        family.awaitText("De gesprekken zijn begonnen. Wij houden u op de hoogte.");
        family.shot("journey-15-member-new-update");
    }

    private static Path photo() throws IOException {
        Path folder = TestFolders.fresh("journey-files");
        byte[] png = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                                             + "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
        return Files.write(folder.resolve("foto.png"), png);
    }

    private static String download(Client client, String name) throws IOException {
        Path file = client.browser().downloads().resolve(name);
        client.await(driver -> Files.exists(file) && !Files.exists(file.resolveSibling(name + ".crdownload")));
        return Files.readString(file);
    }

}
