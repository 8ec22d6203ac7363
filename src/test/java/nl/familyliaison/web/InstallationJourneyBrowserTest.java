package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole start of a new installation, in the browser only: the first two administrators from the installation
 * command, each enrolling on the page its link opens (QR code as SVG, the key typed from the page into "the app", a
 * first code); one asks for a family inspector and an investigator, the other approves; each of them enrols from the
 * link in their invitation mail (the investigator by keyboard alone) and signs in. Then the family inspector opens a
 * case from the dashboard; on the administrator's case page one administrator asks to put her and the investigator on
 * it (it waits for a second administrator), the other approves; she invites a member and a lawyer who represents that
 * member in everything (FULL); the member signs in with the emailed code; she posts an update for the member only; the
 * investigator proposes an interview; the representative signs in, reads the member's timeline and picks a time on
 * her behalf, which the investigator sees as given "on behalf of" her. Every page checked passes axe at 360 and 1280 px.
 */
@ExtendWith(Client.ScreenshotOnFailure.class)
class InstallationJourneyBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final List<Client> CLIENTS = new ArrayList<>();
    private static final Map<String, String> TEXTS = PageChecks.translations("nl");
    private static final String CASE = "2026-INST-1";
    private static final String MEMBER = "noor.install@example.org";
    private static final String REPRESENTATIVE = "mr.visser.install@example.org";
    private static final String MEMBER_INVITATION = "Uitnodiging voor Familiecontact|Invitation to Family contact";
    private final Onboarding onboarding = new Onboarding(service);
    private final List<String> problems = new ArrayList<>();
    private Client anna;
    private Client bert;
    private Client fien;
    private Client ivo;

    @AfterAll
    static void close() {
        CLIENTS.forEach(Client::close);
    }

    @Test
    void fromTheInstallationCommandToAFirstAnswerOnBehalfOfAMember() {
        signInTheFirstStaff();
        String caseId = fienOpensACase();
        annaAsksAndBertApprovesTheCaseStaff(caseId);
        fienInvitesAMemberAndARepresentative(caseId);
        theMemberSignsInFromTheInvitation();
        fienPostsAnUpdateForTheMember(caseId);
        ivoProposesAnInterview(caseId);
        theRepresentativeReadsTheTimelineAndAnswersOnBehalf(caseId);
        ivoSeesTheAnswerOnBehalf(caseId);
        assertEquals(List.of(), problems);
    }

    /** create-admin twice, enrolment, two staff accounts under four eyes, each enrolled and signed in. */
    private void signInTheFirstStaff() {
        String annaLink = onboarding.createAdmin("anna.admin@inspectie.example", "Anna de Vries");
        String bertLink = onboarding.createAdmin("bert.admin@inspectie.example", "Bert Jansen");
        assertTrue(annaLink.startsWith(service.api().base().toString() + "#enrol="),
                   "the link follows the service's port: " + annaLink);

        anna = client("anna");
        Onboarding.openLink(anna, annaLink);
        assertTrue(anna.driver().getCurrentUrl().endsWith("/#/enrol"), "the token left the address bar: "
                                                                       + anna.driver().getCurrentUrl());
        check(anna, "install-01-enrol-password");
        assertTrue(Onboarding.linkIn(annaLink).contains("#enrol="));
        String refused = anna.fill("enrol.choosePassword", "password", "welkom123456")
                .fill("enrol.choosePassword", "repeat", "welkom123456").submitRefused("enrol.choosePassword");
        assertTrue(refused.contains("te makkelijk te raden"), "the policy's own reason: " + refused);
        Onboarding.choosePassword(anna, Onboarding.PASSWORD);
        assertEquals(1, anna.driver().findElements(By.cssSelector("main svg[role='img'] path")).size(),
                     "the QR code is an SVG in the page");
        check(anna, "install-02-enrol-app");
        byte[] annaSecret = Onboarding.shownSecret(anna);
        anna.fill("enrol.confirm", "code", onboarding.codeNow(annaSecret)).submit("enrol.confirm");
        anna.awaitText("Uw account is klaar en u bent ingelogd.");
        assertEquals("Medewerkers", anna.heading());
        Onboarding.Enrolled annaEnrolled = new Onboarding.Enrolled("anna.admin@inspectie.example", annaSecret);

        Onboarding.askForAccount(anna, "Fien Visser", "fien@inspectie.example", "FAMILY_INSPECTOR");
        anna.awaitText("Aangevraagd.");
        Onboarding.askForAccount(anna, "Ivo de Boer", "ivo@inspectie.example", "INVESTIGATOR");
        anna.awaitText("Ivo de Boer");
        assertTrue(anna.text().contains("U heeft dit aangevraagd. Het wacht op goedkeuring door een tweede beheerder."),
                   anna.text());
        check(anna, "install-03-staff-waiting");

        bert = client("bert");
        onboarding.enrol(bert, bertLink, "bert.admin@inspectie.example");
        bert.awaitText("Uw account is klaar en u bent ingelogd.");
        Onboarding.approveAll(bert);
        bert.awaitText("Er wacht niets op goedkeuring.");
        bert.open("admin/staff").awaitText("Fien Visser");
        assertTrue(Onboarding.card(bert, "fien@inspectie.example").getText().contains("uitgenodigd"),
                   Onboarding.card(bert, "fien@inspectie.example").getText());
        check(bert, "install-04-staff-accounts");

        fien = client("fien");
        Onboarding.Enrolled fienEnrolled = onboarding.enrol(
                fien, onboarding.mailedLink("fien@inspectie.example", Onboarding.INVITATION_SUBJECT, 0),
                "fien@inspectie.example");
        fien.awaitText("Uw account is klaar en u bent ingelogd.");
        assertEquals("Overzicht", fien.heading());
        ivo = client("ivo");
        Onboarding.Enrolled ivoEnrolled = onboarding.enrolByKeyboard(
                ivo, onboarding.mailedLink("ivo@inspectie.example", Onboarding.INVITATION_SUBJECT, 0),
                "ivo@inspectie.example");
        ivo.awaitText("Uw account is klaar en u bent ingelogd.");

        // The used link again: the page says it no longer works.
        Client late = client("late");
        Onboarding.openLink(late, annaLink);
        String gone = late.fill("enrol.choosePassword", "password", Onboarding.PASSWORD)
                .fill("enrol.choosePassword", "repeat", Onboarding.PASSWORD).submitRefused("enrol.choosePassword");
        assertTrue(gone.contains("Deze link werkt niet (meer)"), gone);

        // Signing in again at once, with the code of enrolment: the page says to wait for the next code.
        Team.signOut(ivo);
        String sameCode = ivo.open("staff/sign-in").fill("staffSignIn.submit", "email", "ivo@inspectie.example")
                .fill("staffSignIn.submit", "password", Onboarding.PASSWORD)
                .fill("staffSignIn.submit", "code", onboarding.codeNow(ivoEnrolled.secret()))
                .submitRefused("staffSignIn.submit");
        assertTrue(sameCode.contains("Deze code is al gebruikt. Wacht tot uw app een nieuwe code laat zien"), sameCode);
        ivo.shot("install-05-code-used");
        for (Client client : List.of(fien, ivo)) {
            Team.startSignedOut(client);
        }
        onboarding.signIn(fien, fienEnrolled);
        assertEquals("Overzicht", fien.heading());
        onboarding.signIn(ivo, ivoEnrolled);
        assertEquals("Overzicht", ivo.heading());
        bert.open("admin/staff");
        assertTrue(Onboarding.card(bert, "ivo@inspectie.example").getText().contains("actief"));
        assertTrue(Onboarding.card(bert, "ivo@inspectie.example").getText().contains("Laatst ingelogd"));
        assertFalse(Mailbox.to("anna.admin@inspectie.example").isEmpty(), "the command queued the invitation mail");
        Team.signOut(anna);
        onboarding.signIn(anna, annaEnrolled);
        assertEquals("Alle onderzoeken", anna.heading());
    }

    /** The family inspector opens a case from the dashboard's form; answers its id (from the page it goes to). */
    private String fienOpensACase() {
        fien.open("dashboard").expand("dashboard.openSubmit")
                .fill("dashboard.openSubmit", "reference", CASE)
                .fill("dashboard.openSubmit", "title", "Onderzoek brand Zuid")
                .set("dashboard.openSubmit", "incidentDate", "2026-02-20")
                .submit("dashboard.openSubmit");
        fien.awaitText("Onderzoek brand Zuid");
        String url = fien.driver().getCurrentUrl();
        assertTrue(url.contains("#/cases/"), url);
        return url.substring(url.indexOf("#/cases/") + "#/cases/".length());
    }

    /** On the administrator's case page: Anna asks for Fien and Ivo, it waits; Bert approves it there. */
    private void annaAsksAndBertApprovesTheCaseStaff(String caseId) {
        anna.open("admin/cases").awaitText(CASE).clickLink(CASE);
        anna.awaitText("Wie werkt eraan");
        assertTrue(anna.text().contains("Fien Visser"), "she opened it, so she is its family inspector: "
                                                        + anna.text());
        anna.form("adminCase.ask").findElement(By.xpath(".//label[normalize-space()='Ivo de Boer']")).click();
        anna.submit("adminCase.ask").awaitText("Aangevraagd. Het wacht op goedkeuring door een tweede beheerder.");
        assertTrue(anna.driver().findElements(By.xpath("//button[normalize-space()='Goedkeuren']")).isEmpty(),
                   "no approve button for one's own request");
        assertFalse(staffOnAdminPage(anna).contains("Ivo de Boer"), "nothing changes before approval");
        check(anna, "install-06-admin-case-waiting");

        bert.open("admin/cases/" + caseId).awaitText("Wie werkt eraan");
        bert.click(By.xpath("//button[normalize-space()='Goedkeuren']"));
        bert.awaitText("Goedgekeurd. De wijziging is doorgevoerd.");
        assertTrue(staffOnAdminPage(bert).contains("Ivo de Boer"), staffOnAdminPage(bert));
        check(bert, "install-07-admin-case-approved");
    }

    /** The case page's members section: a member, then a lawyer who represents her in everything (FULL). */
    private void fienInvitesAMemberAndARepresentative(String caseId) {
        fien.open("cases/" + caseId).expand("staffCase.inviteSubmit")
                .fill("staffCase.inviteSubmit", "email", MEMBER)
                .fill("staffCase.inviteSubmit", "displayName", "Noor Bakker")
                .select("staffCase.inviteSubmit", "relation", "PARENT")
                .submit("staffCase.inviteSubmit");
        fien.awaitText("Noor Bakker");
        fien.expand("staffCase.inviteSubmit")
                .fill("staffCase.inviteSubmit", "email", REPRESENTATIVE)
                .fill("staffCase.inviteSubmit", "displayName", "Mr. Visser")
                .select("staffCase.inviteSubmit", "relation", "LAWYER");
        new Select(fien.form("staffCase.inviteSubmit").findElement(By.name("representsMemberId")))
                .selectByVisibleText("Noor Bakker");
        fien.select("staffCase.inviteSubmit", "representationScope", "FULL").submit("staffCase.inviteSubmit");
        fien.awaitText("Vertegenwoordigt Noor Bakker.");
        check(fien, "install-08-case-members", "Vertegenwoordigt Noor Bakker.");
    }

    /** The invitation names no code and no case; the member asks for a code at the address it gives. */
    private void theMemberSignsInFromTheInvitation() {
        Mailbox.Received invitation = Mailbox.await(MEMBER, MEMBER_INVITATION);
        assertTrue(invitation.text().contains("Log in met dit e-mailadres"), invitation.text());
        Client noor = client("noor");
        Team.signInMember(noor, MEMBER, step -> { });
        assertEquals("Mijn onderzoeken", noor.heading());
        noor.clickLink("Onderzoek brand Zuid");
        assertEquals("Hoe staat het onderzoek ervoor?", noor.heading());
    }

    /** An update shared with the member only (not with everyone in the case). */
    private void fienPostsAnUpdateForTheMember(String caseId) {
        fien.open("cases/" + caseId)
                .fill("staffCase.postSubmit", "text", "Voor Noor: het gesprek met de brandweer is volgende week.");
        fien.form("staffCase.postSubmit").findElement(By.xpath(".//label[normalize-space()='Noor Bakker']")).click();
        fien.submit("staffCase.postSubmit").awaitText("het gesprek met de brandweer is volgende week");
    }

    /** The investigator, now on the case, proposes two times to the member. */
    private void ivoProposesAnInterview(String caseId) {
        ivo.open("cases/" + caseId + "/interviews");
        ivo.form("interviews.proposeSubmit").findElement(By.xpath(".//label[normalize-space()='Noor Bakker']"))
                .click();
        ivo.set("interviews.proposeSubmit", "start1", "2026-03-16T10:00")
                .set("interviews.proposeSubmit", "start2", "2026-03-17T14:00")
                .select("interviews.proposeSubmit", "mode", "PHONE")
                .submit("interviews.proposeSubmit");
        ivo.awaitText("Wacht op antwoord");
        scrollTo(ivo, "Wacht op antwoord");
        ivo.shot("install-09-interview-proposed");
    }

    /** The FULL representative reads the member's timeline and picks a time for her. */
    private void theRepresentativeReadsTheTimelineAndAnswersOnBehalf(String caseId) {
        Client visser = client("visser");
        Team.signInMember(visser, REPRESENTATIVE, step -> { });
        visser.open("cases/" + caseId).awaitText("het gesprek met de brandweer is volgende week");
        check(visser, "install-10-representative-timeline", "het gesprek met de brandweer");
        visser.open("cases/" + caseId + "/interviews").awaitText("U antwoordt namens Noor Bakker.");
        visser.form("interviews.answerSubmit")
                .findElement(By.xpath(".//label[contains(., 'dinsdag 17 maart 2026')]")).click();
        visser.submit("interviews.answerSubmit").awaitText("kiest: dinsdag 17 maart 2026");
        check(visser, "install-11-representative-answered", "U antwoordt namens Noor Bakker.");
    }

    private void ivoSeesTheAnswerOnBehalf(String caseId) {
        ivo.open("cases/" + caseId + "/interviews").awaitText("Gegeven door Mr. Visser, namens Noor Bakker");
        assertTrue(ivo.text().contains("kiest: dinsdag 17 maart 2026"), ivo.text());
        check(ivo, "install-12-staff-see-on-behalf", "Gegeven door Mr. Visser, namens Noor Bakker");
    }

    /** The "who works on it" section of the administrator's case page. */
    private static String staffOnAdminPage(Client admin) {
        return admin.driver().findElement(By.xpath("//section[.//h2[normalize-space()='Wie werkt eraan']]"))
                .getText();
    }

    private static Client client(String name) {
        Client client = Client.start(service.api().base(), name, "nl");
        CLIENTS.add(client);
        return client;
    }

    /** axe-core at 360 and 1280 px, no untranslated text, and a screenshot at each width. */
    private void check(Client client, String shot) {
        client.shot(shot);
        atBothWidths(client, shot, () -> client.shot(shot + "-wide"));
    }

    /** The same, with the text the page is about scrolled into view for both screenshots. */
    private void check(Client client, String shot, String about) {
        scrollTo(client, about);
        client.shot(shot);
        atBothWidths(client, shot, () -> scrollTo(client, about).shot(shot + "-wide"));
    }

    private void atBothWidths(Client client, String shot, Runnable wide) {
        for (String violation : PageChecks.accessibilityViolations(client)) {
            problems.add(shot + " 360: " + violation);
        }
        PageChecks.untranslated(client, TEXTS).forEach(text -> problems.add(shot + " untranslated: " + text));
        client.driver().manage().window().setSize(new Dimension(1280, 900));
        for (String violation : PageChecks.accessibilityViolations(client)) {
            problems.add(shot + " 1280: " + violation);
        }
        wide.run();
        client.driver().manage().window().setSize(new Dimension(360, 640));
    }

    /** Scrolls the innermost element of the page that holds {@code text} to the middle of the window. */
    private static Client scrollTo(Client client, String text) {
        WebElement holder = client.driver().findElement(By.xpath(
                "//main//*[contains(normalize-space(.), \"" + text + "\") and not(*[contains(normalize-space(.), \""
                + text + "\")])]"));
        client.browser().js("arguments[0].scrollIntoView({ block: 'center' });", holder);
        return client;
    }
}
