package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import java.time.ZoneId;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Four eyes in the administrators' pages: the one who asked sees their request waiting for a second administrator
 * (and no button to approve it); the second administrator approves it there, and the account is made.
 */
class ApprovalsBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final By APPROVE = By.xpath("//button[normalize-space()='Goedkeuren']");
    @RegisterExtension
    static final Client admin = Client.perClass(service, "admin", "nl");

    @Test
    void theOneWhoAskedWaitsAndASecondAdministratorApproves() {
        Team team = Team.open(service, "approvals");
        Admins admins = Admins.create(service, "approvals-web");
        Reply asked = admins.askingApi().post("/api/staff", "{\"email\":\"web-new@inspectie.example\","
                                                            + "\"displayName\":\"Nieuwe Collega\","
                                                            + "\"role\":\"INVESTIGATOR\"}");
        assertEquals(202, asked.status(), asked::toString);

        team.signIn(admin, admins.asking());
        admin.clickLink("Wacht op goedkeuring");
        admin.awaitText("Nieuwe Collega");
        assertTrue(admin.text().contains("Het wacht op goedkeuring door een tweede beheerder."), admin.text());
        assertTrue(admin.driver().findElements(APPROVE).isEmpty(), "no approve button for one's own request");
        admin.shot("approvals-01-own-request-waiting");
        Team.signOut(admin);

        team.signIn(admin, admins.approving());
        admin.clickLink("Wacht op goedkeuring");
        admin.awaitText("Nieuw account: onderzoeker");
        admin.click(APPROVE);
        admin.awaitText("Goedgekeurd. De wijziging is doorgevoerd.");
        admin.awaitText("Er wacht niets op goedkeuring.");
        admin.shot("approvals-02-approved");
        assertTrue(service.running().features().accounts().byEmail("web-new@inspectie.example").isPresent());
    }

    @Test
    void anAdministratorsCoverWaitsForASecondAdministratorBeforeTheSubstituteStandsIn() {
        Team team = Team.open(service, "approvals-cover");
        Admins admins = Admins.create(service, "approvals-cover-web");
        People.Staff substitute = service.people().staff(Role.FAMILY_INSPECTOR, "cover-sub@inspectie.example");
        LocalDate today = LocalDate.now(service.clock().withZone(ZoneId.of("Europe/Amsterdam")));

        team.signIn(admin, admins.asking());
        admin.open("absence");
        admin.select("absence.submit", "absentId", team.inspector().account().id())
                .select("absence.submit", "substituteId", substitute.account().id())
                .set("absence.submit", "from", today.toString())
                .set("absence.submit", "until", today.plusDays(4).toString());
        admin.submit("absence.submit");
        admin.awaitText("Een tweede beheerder moet de vervanging goedkeuren.");
        assertTrue(admin.text().contains("Er is nu geen vervanging."), "nothing changes yet: " + admin.text());
        Team.signOut(admin);

        team.signIn(admin, admins.approving());
        admin.clickLink("Wacht op goedkeuring");
        admin.awaitText("Vervanging van een familie-inspecteur");
        assertTrue(admin.text().contains("Staff cover-sub vervangt Staff approvals-cover-fi"), admin.text());
        admin.click(APPROVE);
        admin.awaitText("Goedgekeurd. De wijziging is doorgevoerd.");
        admin.open("absence");
        admin.awaitText("Staff cover-sub vervangt Staff approvals-cover-fi");
        Team.signOut(admin);
    }
}
