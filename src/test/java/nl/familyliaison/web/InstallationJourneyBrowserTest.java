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

/**
 * A new installation, in the browser: the first two administrators from the installation command, each enrolling on
 * the page its link opens (QR code as SVG, the key typed from the page into "the app", a first code); one asks for a
 * family inspector and an investigator, the other approves; each of them enrols from the link in their invitation
 * mail (the investigator by keyboard alone) and signs in. Every page on the way passes axe at 360 and 1280 px.
 */
@ExtendWith(Client.ScreenshotOnFailure.class)
class InstallationJourneyBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final List<Client> CLIENTS = new ArrayList<>();
    private static final Map<String, String> TEXTS = PageChecks.translations("nl");
    private final List<String> problems = new ArrayList<>();

    @AfterAll
    static void close() {
        CLIENTS.forEach(Client::close);
    }

    @Test
    void fromTheInstallationCommandToSignedInStaff() {
        Onboarding onboarding = new Onboarding(service);
        String annaLink = onboarding.createAdmin("anna.admin@inspectie.example", "Anna de Vries");
        String bertLink = onboarding.createAdmin("bert.admin@inspectie.example", "Bert Jansen");
        assertTrue(annaLink.startsWith(service.api().base().toString() + "#enrol="),
                   "the link follows the service's port: " + annaLink);

        Client anna = client("anna");
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

        Client bert = client("bert");
        onboarding.enrol(bert, bertLink, "bert.admin@inspectie.example");
        bert.awaitText("Uw account is klaar en u bent ingelogd.");
        Onboarding.approveAll(bert);
        bert.awaitText("Er wacht niets op goedkeuring.");
        bert.open("admin/staff").awaitText("Fien Visser");
        assertTrue(Onboarding.card(bert, "fien@inspectie.example").getText().contains("uitgenodigd"),
                   Onboarding.card(bert, "fien@inspectie.example").getText());
        check(bert, "install-04-staff-accounts");

        Client fien = client("fien");
        Onboarding.Enrolled fienEnrolled = onboarding.enrol(
                fien, onboarding.mailedLink("fien@inspectie.example", Onboarding.INVITATION_SUBJECT, 0),
                "fien@inspectie.example");
        fien.awaitText("Uw account is klaar en u bent ingelogd.");
        assertEquals("Overzicht", fien.heading());
        Client ivo = client("ivo");
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
        assertEquals(List.of(), problems);
    }

    private static Client client(String name) {
        Client client = Client.start(service.api().base(), name, "nl");
        CLIENTS.add(client);
        return client;
    }

    /** axe-core at 360 and 1280 px, no untranslated text, and a screenshot at the phone's width. */
    private void check(Client client, String shot) {
        client.shot(shot);
        for (String violation : PageChecks.accessibilityViolations(client)) {
            problems.add(shot + " 360: " + violation);
        }
        PageChecks.untranslated(client, TEXTS).forEach(text -> problems.add(shot + " untranslated: " + text));
        client.driver().manage().window().setSize(new Dimension(1280, 900));
        for (String violation : PageChecks.accessibilityViolations(client)) {
            problems.add(shot + " 1280: " + violation);
        }
        client.shot(shot + "-wide");
        client.driver().manage().window().setSize(new Dimension(360, 640));
    }
}
