package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import nl.familyliaison.rights.ExportTest;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The family inspector's daily work in the browser: withdrawing an update that went to the wrong member and sharing
 * it with the right one, a staff note no member ever sees (written by keyboard only), a corrected address whose
 * failed invitation arrives at the new one, and ending a membership in two steps. The staff pages pass axe-core at
 * 360 and 1280 px with every collapsed part open.
 */
class DailyWorkBrowserTest {

    private static final String INVITATION = "Uitnodiging voor Familiecontact|Invitation to Family contact";

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @RegisterExtension
    static final Client staff = Client.perClass(service, "staff", "nl");
    @RegisterExtension
    static final Client family = Client.perClass(service, "family", "nl");

    @Test
    void anUpdateForTheWrongMemberIsWithdrawnAndSharedWithTheRightOne() {
        Team team = Team.open(service, "dw-withdraw");
        String wrong = team.invite("joost.dw@example.org", "Joost Smit");
        String right = team.invite("anna.dw@example.org", "Anna Smit");
        team.inspectorNow().post("/api/cases/" + team.caseId() + "/updates",
                                 "{\"text\":\"Het gesprek met Anna is op dinsdag.\",\"visibleTo\":[\"" + wrong + "\"]}");
        Team.startSignedOut(family);
        Team.signInMember(family, "joost.dw@example.org", step -> { });
        family.open("cases/" + team.caseId()).awaitText("Het gesprek met Anna is op dinsdag.");

        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        staff.open("cases/" + team.caseId()).expand("withdraw.review");
        staff.form("withdraw.review").findElement(By.xpath(".//label[normalize-space()='Anna Smit']")).click();
        staff.submit("withdraw.review");
        String warning = staff.driver().findElement(By.cssSelector(".fl-confirm")).getText();
        assertTrue(warning.contains("opnieuw gedeeld met: Anna Smit"), warning);
        staff.shot("daily-01-withdraw-confirm");
        staff.submit("withdraw.submit").awaitText("Teruggetrokken");
        staff.shot("daily-02-withdrawn");
        checkAccessibility(staff, "staff case page after a withdrawal");

        family.reload();
        assertFalse(family.text().contains("Het gesprek met Anna"), family.text());
        family.open("access-log");
        assertFalse(family.text().contains("Het gesprek met Anna"));
        Team.signOut(family);
        Team.signInMember(family, "anna.dw@example.org", step -> { });
        family.open("cases/" + team.caseId()).awaitText("Het gesprek met Anna is op dinsdag.");
        family.shot("daily-03-right-member");
        assertTrue(right.length() > 0);
    }

    @Test
    void aStaffNoteWrittenByKeyboardIsNeverShownToAMember() {
        Team team = Team.open(service, "dw-note");
        team.invite("lot.dw@example.org", "Lot de Wit");
        String note = "Afgesproken: alleen bellen na 18 uur, niet mailen over de zitting.";
        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        staff.open("cases/" + team.caseId());
        WebElement text = tabTo(element -> "text".equals(element.getDomAttribute("name"))
                                           && element.findElements(By.xpath("ancestor::form[@data-form='notes.submit']"))
                                                   .size() == 1);
        text.sendKeys(note);
        tabTo(element -> element.getText().equals("Notitie opslaan")).sendKeys(Keys.ENTER);
        staff.await(driver -> driver.findElement(By.cssSelector("[data-notes]")).getText().contains(note));
        staff.shot("daily-04-staff-note");

        Team.startSignedOut(family);
        Team.signInMember(family, "lot.dw@example.org", step -> { });
        Api member = service.api().as(service.people().signInMember("lot.dw@example.org"));
        for (String page : List.of("cases/" + team.caseId(), "cases/" + team.caseId() + "/contacts",
                                   "cases/" + team.caseId() + "/messages", "access-log", "my-data")) {
            family.open(page);
            assertFalse(family.text().contains("Afgesproken") || family.text().contains("Notities"), page);
        }
        Map<String, byte[]> export = ExportTest.download(member);
        export.forEach((name, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("Afgesproken"),
                                                    name));
        assertEquals(404, member.unchecked().get("/api/cases/" + team.caseId() + "/notes").status());
    }

    @Test
    void aCorrectedAddressGetsTheInvitationThatFailed() throws SQLException {
        Team team = Team.open(service, "dw-address");
        team.invite("mila.dw@exmaple.org", "Mila Jansen");
        Sql.run(service, "UPDATE outbox SET status = 'FAILED', last_error = 'refused'"
                         + " WHERE recipient_email = 'mila.dw@exmaple.org' AND template = 'member-invitation'");
        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        staff.awaitText("Mila Jansen");
        staff.open("cases/" + team.caseId()).expand("members.addressSubmit")
                .fill("members.addressSubmit", "email", "mila.dw@example.org")
                .submit("members.addressSubmit")
                .awaitText("E-mails opnieuw gestuurd naar het nieuwe adres: 1.");
        assertTrue(staff.text().contains("Het adres is nu mila.dw@example.org."));
        staff.shot("daily-05-address-corrected");
        Mailbox.Received mail = Mailbox.await("mila.dw@example.org", INVITATION);
        assertFalse(mail.text().contains("Mila"), "the mail names nobody");
        staff.open("dashboard");
        assertFalse(staff.text().contains("Bel Mila Jansen"), "no longer an undelivered mail");
    }

    @Test
    void aMembershipEndsInTwoSteps() {
        Team team = Team.open(service, "dw-end");
        team.invite("bas.dw@example.org", "Bas Visser");
        Api member = service.api().as(service.people().signInMember("bas.dw@example.org"));
        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        staff.open("cases/" + team.caseId()).expand("members.endReview").submit("members.endReview");
        String warning = staff.driver().findElement(By.cssSelector(".fl-confirm")).getText();
        assertTrue(warning.contains("Vanaf nu kan Bas Visser niets meer zien van dit onderzoek"), warning);
        assertEquals(200, member.get("/api/cases/" + team.caseId()).status(), "nothing happens at the first step");
        checkAccessibility(staff, "the second step of ending a membership");
        staff.shot("daily-06-end-membership-confirm");
        staff.submit("members.endSubmit").awaitText("Er zijn nog geen familieleden uitgenodigd.");
        assertEquals(404, member.unchecked().get("/api/cases/" + team.caseId()).status());
    }

    /** axe-core at a phone's and a desktop's width, every collapsed part open; the translations are complete. */
    private static void checkAccessibility(Client client, String where) {
        List<String> problems = new ArrayList<>();
        for (int width : List.of(360, 1280)) {
            client.driver().manage().window().setSize(new Dimension(width, width == 360 ? 640 : 900));
            PageChecks.expandAll(client);
            PageChecks.accessibilityViolations(client).forEach(found -> problems.add(width + " px: " + found));
            if (width == 360 && client.browser().scrollsSideways()) {
                problems.add("scrolls sideways at 360 px");
            }
        }
        PageChecks.untranslated(client, PageChecks.translations("nl"))
                .forEach(text -> problems.add("untranslated '" + text + "'"));
        client.driver().manage().window().setSize(new Dimension(360, 640));
        assertEquals(List.of(), problems, where);
    }

    /** Presses Tab until the focused element is the one wanted (at most 200 times). */
    private static WebElement tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 200; i++) {
            new Actions(staff.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = staff.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the element");
    }
}
