package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import nl.familyliaison.support.Browser;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page shell in a real Chromium: both languages, the quick exit (button and Esc), a phone-sized screen. */
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
            new WebDriverWait(driver, Duration.ofSeconds(10))
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
        boolean left = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(it -> !it.getCurrentUrl().startsWith(home()));
        assertTrue(left);
    }

    private static String home() {
        return service.api().base().toString();
    }
}
