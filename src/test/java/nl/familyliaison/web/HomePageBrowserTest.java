package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.Browser;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page shell in a real Chromium: both languages, the quick exit (button and Esc; it also ends the session on the
 * service; Esc does not leave while someone types, and asks first when a draft would be lost), a phone-sized screen.
 */
class HomePageBrowserTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theQuickExitLeavesInOneClickAndBackDoesNotReturn() {
        try (Browser browser = Browser.phone("nl")) {
            WebDriver driver = browser.driver();
            driver.get("data:text/html,<title>before</title><p>before</p>");
            driver.get(home());
            browser.awaitPage();
            assertEquals("Snel weg", driver.findElement(By.id("quick-exit")).getText());
            driver.findElement(By.id("quick-exit")).click();
            awaitLeft(driver);
            driver.navigate().back();
            assertFalse(driver.getCurrentUrl().startsWith(home()), "Back must not return to the service");
        }
    }

    @Test
    void escapeAlsoLeaves() {
        try (Browser browser = Browser.phone("nl")) {
            WebDriver driver = browser.driver();
            driver.get(home());
            browser.awaitPage();
            driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            awaitLeft(driver);
        }
    }

    @Test
    void theQuickExitAlsoEndsTheSessionOnTheService() {
        String email = "exit-member@example.org";
        new People(service).member(email);
        try (Client client = Client.start(service.api().base(), "quick-exit", "nl")) {
            Team.signInMember(client, email, step -> { });
            Cookie cookie = client.driver().manage().getCookieNamed("__Host-fl-session");
            Api old = service.api().as(new Api.Credentials(cookie.getValue(), "any"));
            assertEquals(200, old.get("/api/session").status(), "signed in");
            client.driver().findElement(By.id("quick-exit")).click();
            awaitLeft(client.driver());
            boolean ended = Browser.waiting(client.driver(), Duration.ofSeconds(10))
                    .until(it -> old.get("/api/session").status() == 401);
            assertTrue(ended, "the old cookie opens nothing any more");
        }
    }

    @Test
    void escapeDoesNotLeaveWhileTypingAndAsksFirstWhenADraftWouldBeLost() {
        try (Client client = Client.start(service.api().base(), "escape-draft", "nl")) {
            WebDriver driver = client.driver();
            client.open("sign-in").fill("signIn.sendCode", "email", "iemand@example.org");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            stays(driver, "Esc while typing in a field");

            // The focus leaves the field: the typed address is a draft, so Esc asks, in the page's own dialog.
            client.browser().js("document.activeElement.blur();");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            WebDriverWait wait = Browser.waiting(driver, Duration.ofSeconds(10));
            wait.withMessage(() -> "no dialog; focus on " + client.browser().js(
                    "return document.activeElement.outerHTML.slice(0, 200) + ' / ' + [...document.querySelectorAll("
                    + "'form input')].map(f => f.name + '=' + f.value + '|' + f.defaultValue).join(',');"))
                    .until(it -> isOpen(it));
            assertEquals("Wilt u deze pagina verlaten?", driver.findElement(By.id("quick-exit-confirm-title"))
                    .getText());
            assertEquals("quick-exit-leave", driver.switchTo().activeElement().getDomAttribute("id"),
                         "leaving is one key (Enter) away");
            stays(driver, "Esc with a draft");
            client.shot("quick-exit-confirm");

            // Staying closes the dialog and keeps the draft; Esc asks again; Enter then leaves.
            driver.findElement(By.id("quick-exit-stay")).click();
            wait.until(it -> !isOpen(it));
            assertEquals("iemand@example.org", client.form("signIn.sendCode").findElement(By.name("email"))
                    .getDomProperty("value"));
            client.browser().js("document.activeElement.blur();");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            wait.until(it -> isOpen(it));
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            awaitLeft(driver);
        }
    }

    @Test
    void theQuickExitButtonLeavesAtOnceEvenWithADraft() {
        try (Client client = Client.start(service.api().base(), "exit-draft", "nl")) {
            client.open("sign-in").fill("signIn.sendCode", "email", "iemand@example.org");
            client.driver().findElement(By.id("quick-exit")).click();
            awaitLeft(client.driver());
        }
    }

    @Test
    void thePageSpeaksDutchAndEnglishAndFitsAPhone() {
        try (Browser browser = Browser.phone("nl")) {
            WebDriver driver = browser.driver();
            driver.get(home());
            browser.awaitPage();
            assertEquals("nl", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals("Welkom", driver.findElement(By.tagName("h1")).getText());
            assertFalse(browser.scrollsSideways());
            browser.screenshot("home-nl");

            driver.findElement(By.id("language")).click();
            driver.findElement(By.cssSelector("#language-menu [data-language='en']")).click();
            Browser.waiting(driver, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // the page is redrawn
                    .until(it -> "Welcome".equals(it.findElement(By.tagName("h1")).getText()));
            assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals("Welcome", driver.findElement(By.tagName("h1")).getText());
            assertEquals("Quick exit", driver.findElement(By.id("quick-exit")).getText());
            assertFalse(browser.scrollsSideways());
            browser.screenshot("home-en");
        }
    }

    private static void awaitLeft(WebDriver driver) {
        boolean left = Browser.waiting(driver, Duration.ofSeconds(10))
                .until(it -> !it.getCurrentUrl().startsWith(home()));
        assertTrue(left);
    }

    private static boolean isOpen(WebDriver driver) {
        return "true".equals(driver.findElement(By.id("quick-exit-confirm")).getDomProperty("open"));
    }

    /** Still on the service a moment later. */
    private static void stays(WebDriver driver, String what) {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(driver.getCurrentUrl().startsWith(home()), what + " must not leave: " + driver.getCurrentUrl());
    }

    private static String home() {
        return service.api().base().toString();
    }
}
