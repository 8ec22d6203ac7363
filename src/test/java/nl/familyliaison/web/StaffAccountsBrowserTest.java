package nl.familyliaison.web;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The administrators' staff accounts page: disabling signs the person out and keeps them out, enabling (asked by one
 * administrator, approved by another) lets them in again with what they had, and a new link resets password and app (the old ones stop working) and is mailed to them.
 */
class StaffAccountsBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    @RegisterExtension
    static final Client admin = Client.perClass(service, "admin", "nl");
    @RegisterExtension
    static final Client colleague = Client.perClass(service, "colleague", "nl");

    @Test
    void disableThenEnableAgain() {
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "toggle@inspectie.example");
        Onboarding.Enrolled person = new Onboarding.Enrolled(staff.account().email(), staff.secret());
        Admins admins = signInAdmin("toggle");
        admin.open("admin/staff").awaitText("toggle@inspectie.example");
        // By keyboard: Tab to the card's button, Enter; the focus is on the question's "yes" at once, Enter again.
        String before = admin.view();
        Onboarding.tabTo(admin, element -> "Uitschakelen".equals(element.getText())
                && element.findElements(org.openqa.selenium.By.xpath(
                        "ancestor::li[@data-account='toggle@inspectie.example']")).size() == 1)
                .sendKeys(org.openqa.selenium.Keys.ENTER);
        org.openqa.selenium.WebElement yes = admin.driver().switchTo().activeElement();
        assertEquals("Ja, uitschakelen", yes.getText());
        assertEquals(java.util.List.of(), PageChecks.accessibilityViolations(admin), "the question passes axe");
        yes.sendKeys(org.openqa.selenium.Keys.ENTER);
        admin.await(driver -> !admin.view().equals(before));
        admin.browser().awaitPage();
        admin.awaitText("Het account is uitgeschakeld.");
        assertTrue(Onboarding.card(admin, "toggle@inspectie.example").getText().contains("uitgeschakeld"));
        admin.shot("staff-accounts-01-disabled");
        service.clock().advance(Duration.ofSeconds(30));
        assertProblem(service.api().post("/api/sign-in/staff", People.staffSignIn(
                person.email(), People.STAFF_PASSWORD, staff.codeNow(service.clock()))), 401, "sign-in-failed");

        admin.click(org.openqa.selenium.By.xpath("//li[@data-account='toggle@inspectie.example']"
                                                 + "//button[normalize-space()='Vraag om weer in te schakelen']"));
        admin.awaitText("Aangevraagd. Het account wordt weer ingeschakeld zodra een tweede beheerder het goedkeurt.");
        assertTrue(Onboarding.card(admin, "toggle@inspectie.example").getText()
                           .contains("wacht op goedkeuring door een tweede beheerder"));
        admin.shot("staff-accounts-02-enable-waiting");
        service.clock().advance(Duration.ofSeconds(30));
        assertProblem(service.api().post("/api/sign-in/staff", People.staffSignIn(
                person.email(), People.STAFF_PASSWORD, staff.codeNow(service.clock()))), 401, "sign-in-failed");
        Team.signOut(admin);
        new Onboarding(service).signIn(admin, new Onboarding.Enrolled(admins.approving().account().email(),
                                                                      admins.approving().secret()));
        admin.open("admin/approvals").awaitText("Uitgeschakeld account weer inschakelen: familie-inspecteur");
        assertEquals(java.util.List.of(), PageChecks.accessibilityViolations(admin));
        Onboarding.approveAll(admin);
        admin.open("admin/staff").awaitText("toggle@inspectie.example");
        assertTrue(Onboarding.card(admin, "toggle@inspectie.example").getText().contains("actief"));
        service.clock().advance(Duration.ofSeconds(30));
        assertEquals(200, service.api().post("/api/sign-in/staff", People.staffSignIn(
                person.email(), People.STAFF_PASSWORD, staff.codeNow(service.clock()))).status());
    }

    @Test
    void aNewLinkResetsPasswordAndAppAndTheMailedLinkSetsUpAgain() {
        Onboarding onboarding = new Onboarding(service);
        People.Staff staff = service.people().staff(Role.INVESTIGATOR, "relink@inspectie.example");
        Onboarding.Enrolled before = new Onboarding.Enrolled(staff.account().email(), staff.secret());
        onboarding.signIn(colleague, before);
        assertEquals("Overzicht", colleague.heading());
        signInAdmin("relink");
        admin.open("admin/staff").awaitText("relink@inspectie.example");
        Onboarding.confirmInCard(admin, "relink@inspectie.example", "Nieuwe link om opnieuw in te stellen",
                                 "Ja, stuur een nieuwe link");
        admin.awaitText("Er is een nieuwe link gestuurd.");
        assertTrue(Onboarding.card(admin, "relink@inspectie.example").getText().contains("uitgenodigd"));
        admin.shot("staff-accounts-03-new-link");

        colleague.open("dashboard");
        assertEquals("Inloggen", colleague.heading(), "the session ended with the reset");
        service.clock().advance(Duration.ofSeconds(30));
        assertProblem(service.api().post("/api/sign-in/staff", People.staffSignIn(
                before.email(), People.STAFF_PASSWORD, staff.codeNow(service.clock()))), 401, "sign-in-failed");
        Onboarding.Enrolled after = onboarding.enrol(
                colleague, onboarding.mailedLink(before.email(), Onboarding.NEW_LINK_SUBJECT, 0), before.email());
        colleague.awaitText("Uw account is klaar en u bent ingelogd.");
        Team.signOut(colleague);
        onboarding.signIn(colleague, after);
        assertEquals("Overzicht", colleague.heading());
        assertTrue(Mailbox.to(before.email(), Onboarding.NEW_LINK_SUBJECT).size() == 1);
    }

    /** Two new administrators; the one who asks is signed in on the admin's browser. */
    private static Admins signInAdmin(String label) {
        Admins admins = Admins.create(service, "staff-page-" + label);
        Team.startSignedOut(admin);
        new Onboarding(service).signIn(admin, new Onboarding.Enrolled(admins.asking().account().email(),
                                                                      admins.asking().secret()));
        return admins;
    }
}
