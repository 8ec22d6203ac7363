package nl.familyliaison.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.familyliaison.support.Browser;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A person using the web client in a browser: opens pages, fills the forms (found by their submit text's key,
 * {@code data-form}), clicks, reads. Every page it reaches can be saved as a screenshot.
 *
 * <p>Usually one per test class and person:
 * {@code @RegisterExtension static final Client family = Client.perClass(service, "family", "nl");} gets a browser
 * before the class's first test, closes it after its last, and saves a screenshot when a test fails.
 */
final class Client implements AutoCloseable, BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    private static final List<Client> OPEN = new ArrayList<>();

    private final String name;
    private final String language;
    private final TestService perClass;
    private Browser browser;
    private URI service;
    private int loads;

    private Client(String name, String language, TestService perClass) {
        this.name = name;
        this.language = language;
        this.perClass = perClass;
    }

    /** A phone-sized browser speaking {@code language}, for {@code name} (used in screenshot names). */
    static Client start(URI service, String name, String language) {
        return new Client(name, language, null).opened(service);
    }

    /**
     * A phone-sized browser speaking {@code language} on {@code service} for the tests of one class, registered as an
     * extension: {@code name} names its screenshots.
     */
    static Client perClass(TestService service, String name, String language) {
        return new Client(name, language, service);
    }

    private Client opened(URI on) {
        this.service = on;
        this.browser = Browser.phone(language);
        synchronized (OPEN) {
            OPEN.add(this);
        }
        return this;
    }

    /** The browser is taken before the class's first test; the service's address, at first use. */
    @Override
    public void beforeAll(ExtensionContext context) {
        opened(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            close();
        }
    }

    /** On a failing test: a screenshot of this browser, named after the test. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        shotOnFailure(context, failure);
        throw failure;
    }

    Browser browser() {
        return browser;
    }

    WebDriver driver() {
        return browser.driver();
    }

    URI service() {
        if (service == null) {
            service = perClass.api().base();
        }
        browser.remember(service);
        return service;
    }

    Client open(String route) {
        browser.open(service(), route);
        return this;
    }

    /** Loads a page as a new document (a new address, not just a new #route), so its resources are its own. */
    Client load(String route) {
        loads += 1;
        browser.js("const main = document.getElementById('main'); if (main) { main.removeAttribute('data-view'); }");
        driver().get(service().resolve("/?load=" + loads + "#/" + route).toString());
        browser.awaitPage();
        return this;
    }

    /** Reloads the page from the service (as a person pressing F5) and waits until it is drawn. */
    Client reload() {
        driver().navigate().refresh();
        browser.awaitPage();
        return this;
    }

    /**
     * Chooses a language in the header's language choice (opens it, clicks the language by its code) and waits until
     * the page is drawn anew in it.
     */
    Client language(String code) {
        String before = view();
        if (driver().findElement(By.id("language-menu")).getDomAttribute("open") == null) {
            driver().findElement(By.id("language")).click();
        }
        driver().findElement(By.cssSelector("#language-menu [data-language='" + code + "']")).click();
        await(driver -> !view().equals(before) && code.equals(browser.js("return document.documentElement.lang;")));
        browser.awaitPage();
        return this;
    }

    Client shot(String page) {
        browser.screenshot(page);
        return this;
    }

    WebElement form(String key) {
        return driver().findElement(By.cssSelector("form[data-form='" + key + "']"));
    }

    /** Opens the collapsed part (details) that holds the form. */
    Client expand(String formKey) {
        WebElement summary = driver().findElement(
                By.xpath("//form[@data-form='" + formKey + "']/ancestor::details[1]/summary"));
        if (summary.findElement(By.xpath("..")).getDomAttribute("open") == null) {
            summary.click();
        }
        return this;
    }

    Client fill(String formKey, String field, String value) {
        WebElement input = form(formKey).findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Date and time fields take their value in the page: typing into them depends on the browser's locale. */
    Client set(String formKey, String field, String value) {
        browser.js("arguments[0].value = arguments[1];", form(formKey).findElement(By.name(field)), value);
        return this;
    }

    Client choose(String formKey, String field, String value) {
        form(formKey).findElement(By.cssSelector("[name='" + field + "'][value='" + value + "']")).click();
        return this;
    }

    Client select(String formKey, String field, String value) {
        new org.openqa.selenium.support.ui.Select(form(formKey).findElement(By.name(field))).selectByValue(value);
        return this;
    }

    /**
     * Submits a form and waits until the page is drawn anew (every sent form leads to a new drawing, so the old form
     * goes stale); fails with the problem the form shows instead.
     */
    Client submit(String formKey) {
        WebElement old = form(formKey);
        old.findElement(By.cssSelector("button[type='submit']")).click();
        await(driver -> isStale(old) || hasProblem(old));
        if (!isStale(old)) {
            throw new AssertionError("The form " + formKey + " was not accepted: " + old.getText());
        }
        browser.awaitPage();
        return this;
    }

    /** Submits a form that must be refused; answers the problem it shows. */
    String submitRefused(String formKey) {
        WebElement old = form(formKey);
        old.findElement(By.cssSelector("button[type='submit']")).click();
        return await(driver -> old.findElements(By.cssSelector(".utrecht-alert--error")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
    }

    /** Clicks something that leads to a new page, and waits until that page is drawn. */
    Client click(By by) {
        String before = view();
        driver().findElement(by).click();
        await(driver -> !view().equals(before));
        browser.awaitPage();
        return this;
    }

    /** The number of the page drawn last. */
    String view() {
        return String.valueOf(browser.js("return document.getElementById('main').dataset.view || '';"));
    }

    Client clickLink(String text) {
        return click(By.linkText(text));
    }

    String text() {
        return driver().findElement(By.id("main")).getText();
    }

    String heading() {
        return driver().findElement(By.cssSelector("main h1")).getText();
    }

    /** Waits until the page's main text contains {@code expected}. */
    Client awaitText(String expected) {
        await(driver -> driver.findElement(By.id("main")).getText().contains(expected));
        return this;
    }

    <T> T await(Function<WebDriver, T> condition) {
        return Browser.waiting(driver(), Duration.ofSeconds(15)).until(condition);
    }

    private static boolean hasProblem(WebElement form) {
        try {
            return !form.findElements(By.cssSelector(".utrecht-alert--error")).isEmpty();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
        }
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (OPEN) {
            OPEN.remove(this);
        }
        browser.close();
        browser = null;
    }

    private void shotOnFailure(ExtensionContext context, Throwable failure) {
        try {
            shot("FAILED-" + context.getRequiredTestMethod().getName() + "-" + name);
            failure.addSuppressed(new AssertionError(name + " was at " + driver().getCurrentUrl()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * On a failing test: a screenshot of every browser a test started itself ({@link #start}), named after the test.
     * ({@link #perClass} browsers save their own.)
     */
    static final class ScreenshotOnFailure implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            List<Client> clients;
            synchronized (OPEN) {
                clients = OPEN.stream().filter(client -> client.perClass == null).toList();
            }
            clients.forEach(client -> client.shotOnFailure(context, failure));
            throw failure;
        }
    }
}
