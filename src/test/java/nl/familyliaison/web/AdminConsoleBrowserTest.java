package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The administrator's console in the browser: the case overview filtered and sorted, a case's staff changed under
 * four eyes (waiting for a second administrator, who approves it there), feedback moved on by keyboard alone (and
 * audited), the audit chain checked — intact, then broken by a change in the database.
 */
class AdminConsoleBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    @RegisterExtension
    static final Client admin = Client.perClass(service, "console-admin", "nl");
    private static Team late;
    private static Team onTime;
    private static Admins admins;

    @BeforeAll
    static void cases() {
        late = Team.open(service, "console-late");
        service.clock().advance(Duration.ofDays(30));
        onTime = Team.open(service, "console-ontime");
        admins = Admins.create(service, "console");
    }

    @Test
    void casesAreFilteredAndTheirStaffChangedUnderFourEyes() {
        People.Staff newInspector = service.people().staff(Role.FAMILY_INSPECTOR, "console-fi2@inspectie.example");
        Team.startSignedOut(admin);
        late.signIn(admin, admins.asking());
        admin.awaitText("Onderzoeken (2)");
        List<String> order = references();
        assertEquals(List.of(late.reference(), onTime.reference()), order, "soonest next update first");
        AdminPages.checkAtBothWidths(admin, "nl");
        admin.select("adminCases.filter", "sort", "-next-update").submit("adminCases.filter");
        assertEquals(List.of(onTime.reference(), late.reference()), references());
        admin.select("adminCases.filter", "overdue", "true").submit("adminCases.filter");
        assertEquals(List.of(late.reference()), references());
        assertTrue(admin.text().contains("(te laat)"), admin.text());
        admin.select("adminCases.filter", "overdue", "false").fill("adminCases.filter", "reference", "ONTIME")
                .submit("adminCases.filter");
        assertEquals(List.of(onTime.reference()), references());
        assertTrue(admin.text().contains("Staff console-ontime-fi"), admin.text());
        admin.shot("console-01-cases");

        admin.clickLink(onTime.reference());
        admin.awaitText("Wie werkt eraan");
        assertTrue(admin.text().contains("Staff console-ontime-inv"), admin.text());
        AdminPages.checkAtBothWidths(admin, "nl");
        admin.select("adminCase.ask", "familyInspectorId", newInspector.account().id()).submit("adminCase.ask");
        admin.awaitText("Aangevraagd. Het wacht op goedkeuring door een tweede beheerder.");
        assertTrue(admin.text().contains("Het wacht op goedkeuring door een tweede beheerder."), admin.text());
        assertTrue(admin.driver().findElements(By.xpath("//button[normalize-space()='Goedkeuren']")).isEmpty(),
                   "no approve button for one's own request");
        assertEquals("Staff console-ontime-fi", inspectorOf(onTime.caseId()), "nothing changes before approval");
        admin.shot("console-02-waiting-for-second-administrator");
        Team.signOut(admin);

        late.signIn(admin, admins.approving());
        admin.clickLink("Wacht op goedkeuring");
        admin.awaitText("Medewerkers van onderzoek " + onTime.reference());
        admin.clickLink("Bekijk wie nu aan dit onderzoek werkt");
        admin.awaitText("Wie werkt eraan");
        admin.click(By.xpath("//button[normalize-space()='Goedkeuren']"));
        admin.awaitText("Goedgekeurd. De wijziging is doorgevoerd.");
        assertTrue(admin.text().contains("Staff console-fi2"), admin.text());
        assertEquals("Staff console-fi2", inspectorOf(onTime.caseId()));
        admin.shot("console-03-approved");
    }

    @Test
    void feedbackIsMovedOnByKeyboardAndTheChangeIsAudited() throws SQLException {
        onTime.invite("klager.console@example.org", "Kees Klager");
        Api member = service.api().as(service.people().signInMember("klager.console@example.org"));
        String reference = member.post("/api/feedback", "{\"kind\":\"COMPLAINT\",\"about\":\"SERVICE\","
                                                        + "\"text\":\"Ik kreeg geen antwoord.\"}").json()
                .path("reference").asText();
        Team.startSignedOut(admin);
        late.signIn(admin, admins.approving());
        admin.clickLink("Reacties en klachten");
        admin.awaitText("Stand: binnengekomen");
        AdminPages.checkAtBothWidths(admin, "nl");
        WebElement status = AdminPages.tabTo(admin, element -> "status".equals(element.getDomAttribute("name")));
        status.sendKeys("in behandeling");
        AdminPages.tabTo(admin, element -> element.getText().equals("Opslaan")).sendKeys(Keys.ENTER);
        admin.awaitText("De stand van " + reference + " is opgeslagen.");
        assertTrue(admin.text().contains("Stand: in behandeling"), admin.text());
        assertEquals(1, Sql.count(service, "SELECT COUNT(*) FROM audit_event WHERE action = 'feedback.status'"));
        admin.shot("console-04-feedback-in-progress");
    }

    @Test
    void theChainCheckSaysWhenItIsIntactAndWhereItBreaks() throws SQLException {
        Team.startSignedOut(admin);
        late.signIn(admin, admins.asking());
        admin.clickLink("Controle van het logboek");
        admin.awaitText("Nu controleren");
        admin.driver().findElement(By.id("audit-check")).click();
        admin.awaitText("De keten is heel.");
        assertTrue(admin.text().contains("Gecontroleerd op") && admin.text().contains("Regels gecontroleerd:"),
                   admin.text());
        AdminPages.checkAtBothWidths(admin, "nl");
        admin.shot("console-05-chain-intact");

        Sql.run(service, "UPDATE audit_event SET object_type = CONCAT(object_type, '!') WHERE seq = 2");
        try {
            admin.driver().findElement(By.id("audit-check")).click();
            admin.awaitText("De keten is gebroken bij regel");
            assertTrue(admin.text().contains("De inhoud van een regel is veranderd."), admin.text());
            AdminPages.checkAtBothWidths(admin, "nl");
            admin.shot("console-06-chain-broken");
        } finally {
            Sql.run(service, "UPDATE audit_event SET object_type = LEFT(object_type, CHAR_LENGTH(object_type) - 1)"
                             + " WHERE seq = 2");
        }
    }

    private static List<String> references() {
        return admin.driver().findElements(By.cssSelector("table.fl-table tbody th a")).stream()
                .map(WebElement::getText).toList();
    }

    private static String inspectorOf(String caseId) {
        JsonNode found = admins.askingApi().get("/api/admin/cases/" + caseId).json();
        for (JsonNode staff : found.path("staff")) {
            if (staff.path("role").asText().equals("FAMILY_INSPECTOR")) {
                return staff.path("displayName").asText();
            }
        }
        return "";
    }
}
