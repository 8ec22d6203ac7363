package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * DigiD and staff single sign-on in a real Chromium against a real OpenID Connect provider (on 127.0.0.1, the only
 * host the test browser reaches): an invited member signs in with the emailed code, links DigiD, signs out (at the
 * provider too) and signs in with DigiD alone; staff sign in with and without an asserted second factor.
 */
@ExtendWith(Client.ScreenshotOnFailure.class)
class ProviderBrowserTest {

    private static IdentityProvider provider;
    private static TestService service;

    @BeforeAll
    static void start() {
        provider = IdentityProvider.start();
        int port = Ports.free();
        // The provider sends the browser back to the service's own address: it must be the real port.
        service = provider.configure(TestService.builder())
                .set("server.port", String.valueOf(port))
                .set("http.public-url", "http://127.0.0.1:" + port)
                .start();
    }

    @AfterAll
    static void stop() {
        service.close();
        provider.close();
    }

    @Test
    void anInvitedMemberLinksDigidAndThenSignsInWithDigidAlone() {
        String email = "browser-digid@example.org";
        new People(service).member(email);
        try (Client client = Client.start(service.api().base(), "digid-link", "nl")) {
            Team.signInMember(client, email, step -> { });
            client.open("sessions").awaitText("DigiD koppelen");
            provider.nextDigid("900000201");
            clickAndAwait(client, By.id("link-digid"), "Uw DigiD is gekoppeld");
            assertFalse(client.driver().getCurrentUrl().contains("code="), "the code left the address bar");
            assertTrue(client.driver().getCurrentUrl().endsWith("#/sessions"), client.driver().getCurrentUrl());

            client.driver().findElement(By.id("sign-out")).click();
            client.await(driver -> driver.getCurrentUrl().startsWith(service.api().base().toString())
                                   && driver.findElements(By.id("sign-out")).isEmpty());

            client.open("sign-in").await(driver -> driver.findElement(By.id("sign-in-digid")).isDisplayed());
            assertEquals("Inloggen met DigiD", client.driver().findElement(By.id("sign-in-digid")).getText());
            assertEquals(List.of(), PageChecks.accessibilityViolations(client));
            provider.nextDigid("900000201");
            client.driver().findElement(By.id("sign-in-digid")).click();
            client.await(driver -> driver.getCurrentUrl().endsWith("#/cases")
                                   && !driver.findElements(By.id("sign-out")).isEmpty());
        }
    }

    @Test
    void staffWhoseProviderAssertsMultiFactorGoStraightIn() {
        new People(service).staff(Role.FAMILY_INSPECTOR, "browser-sso-mfa@inspectie.example");
        try (Client client = Client.start(service.api().base(), "staff-sso-mfa", "nl")) {
            client.open("staff/sign-in").await(driver -> driver.findElement(By.id("sign-in-staff")).isDisplayed());
            provider.next("staff", "browser-staff-1", Map.of("email", "browser-sso-mfa@inspectie.example",
                                                             "amr", List.of("pwd", "mfa")));
            client.driver().findElement(By.id("sign-in-staff")).click();
            client.await(driver -> driver.getCurrentUrl().endsWith("#/dashboard"));
        }
    }

    @Test
    void staffWithoutAssertedMultiFactorTypeTheirAppsCode() {
        People.Staff staff = new People(service).staff(Role.INVESTIGATOR, "browser-sso-code@inspectie.example");
        try (Client client = Client.start(service.api().base(), "staff-sso-code", "nl")) {
            client.open("staff/sign-in").await(driver -> driver.findElement(By.id("sign-in-staff")).isDisplayed());
            provider.next("staff", "browser-staff-2", Map.of("email", "browser-sso-code@inspectie.example"));
            clickAndAwait(client, By.id("sign-in-staff"), "Typ de code uit uw app");
            assertEquals(List.of(), PageChecks.accessibilityViolations(client));
            service.clock().advance(Duration.ofSeconds(30));
            client.fill("providers.totpSubmit", "code", staff.codeNow(service.clock()));
            client.driver().findElement(By.cssSelector("form[data-form='providers.totpSubmit'] button[type=submit]"))
                    .click();
            client.await(driver -> driver.getCurrentUrl().endsWith("#/dashboard"));
        }
    }

    @Test
    void withDigidRequiredTheEmailedCodeShowsNoCaseContentUntilDigidIsLinked() {
        int port = Ports.free();
        try (TestService required = provider.configure(TestService.builder())
                .set("oidc.members.required", "true")
                .set("server.port", String.valueOf(port))
                .set("http.public-url", "http://127.0.0.1:" + port)
                .start();
             Client client = Client.start(required.api().base(), "digid-required", "nl")) {
            nl.familyliaison.support.CaseFiles cases = new nl.familyliaison.support.CaseFiles(required);
            nl.familyliaison.support.CaseFiles.Cast cast = cases.cast("browser-required");
            cases.join(cast, "browser-required@example.org");
            Team.signInMember(client, "browser-required@example.org", step -> { });
            try {
                client.awaitText("Koppel eerst uw DigiD");
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(client.driver().getCurrentUrl() + ": " + client.text(), e);
            }
            assertFalse(client.text().contains("Onderzoek browser-required"), client.text());
            client.open("sessions").awaitText("U ziet uw gegevens pas als u DigiD hebt gekoppeld");
            provider.nextDigid("900000301");
            WebElement link = client.await(driver -> driver.findElement(By.id("link-digid")));
            link.click();
            client.await(driver -> back(driver, required, "Uw DigiD is gekoppeld"));
            client.open("cases").awaitText("Onderzoek browser-required");
            unlinkAsTheFamilyInspector(required, cast);
        }
    }

    /** The family inspector sees the member's DigiD link on the case page and undoes it. */
    private static void unlinkAsTheFamilyInspector(TestService at, nl.familyliaison.support.CaseFiles.Cast cast) {
        try (Client inspector = Client.start(at.api().base(), "digid-unlink", "nl")) {
            at.clock().advance(Duration.ofSeconds(30));
            inspector.open("staff/sign-in")
                    .fill("staffSignIn.submit", "email", cast.inspector().account().email())
                    .fill("staffSignIn.submit", "password", People.STAFF_PASSWORD)
                    .fill("staffSignIn.submit", "code", cast.inspector().codeNow(at.clock()))
                    .submit("staffSignIn.submit");
            inspector.open("cases/" + cast.caseId()).awaitText("DigiD gekoppeld");
            inspector.driver().findElement(By.cssSelector("[data-unlink]")).click();
            inspector.awaitText("De DigiD-koppeling is ongedaan gemaakt");
        }
    }

    /** Whether the browser is back at the service with {@code text} on the page (false while a page loads). */
    private static boolean back(org.openqa.selenium.WebDriver driver, TestService at, String text) {
        try {
            return driver.getCurrentUrl().startsWith(at.api().base().toString())
                   && driver.findElement(By.id("main")).getText().contains(text);
        } catch (org.openqa.selenium.WebDriverException loading) {
            return false;
        }
    }

    /** Clicks what leaves for the provider and waits until the service's page is back with {@code text}. */
    private static void clickAndAwait(Client client, By by, String text) {
        WebElement button = client.await(driver -> driver.findElement(by));
        button.click();
        try {
            client.await(driver -> back(driver, service, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("at " + client.driver().getCurrentUrl() + ": "
                                     + client.driver().findElement(By.tagName("body")).getText(), e);
        }
    }
}
