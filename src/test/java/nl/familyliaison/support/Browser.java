package nl.familyliaison.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for browser tests. Host names other
 * than 127.0.0.1 resolve to nothing, so a page that leaves the service (the quick exit) sends no traffic out.
 *
 * <p>Starting Chromium takes a second or two, so a closed browser is kept for the next test that asks for one in the
 * same language, but only as a fresh one: closing it forgets everything a person's browser would keep (cookies,
 * stored data and cache of every site it opened, its tabs and their history, downloads) and sets it back to a
 * phone's size. A browser that cannot be made fresh is quit instead.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Dimension PHONE = new Dimension(360, 640);
    private static final Map<String, Deque<Browser>> IDLE = new HashMap<>();

    private final ChromeDriver driver;
    private final String language;
    private final Path profile;
    private final Path downloads;
    private final Set<String> origins = new HashSet<>();

    private Browser(ChromeDriver driver, String language, Path profile, Path downloads) {
        this.driver = driver;
        this.language = language;
        this.profile = profile;
        this.downloads = downloads;
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "test-browsers-quit"));
    }

    /** A phone-sized browser (360 × 640) speaking {@code language}: a fresh one kept from earlier, or a new one. */
    public static Browser phone(String language) {
        synchronized (IDLE) {
            Browser kept = IDLE.getOrDefault(language, new ArrayDeque<>()).poll();
            if (kept != null) {
                return kept;
            }
        }
        return start(language);
    }

    private static Browser start(String language) {
        Path profile = TestFolders.fresh("chromium-profile");
        Path downloads = TestFolders.fresh("chromium-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--disable-quic", "--lang=" + language, "--accept-lang=" + language,
                             "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                             "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                                                                "download.default_directory", downloads.toString(),
                                                                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(PHONE);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver, language, profile, downloads);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Where downloads land. */
    public Path downloads() {
        return downloads;
    }

    /** Opens a page of the web client ({@code route} as in {@code #/route}) and waits until it has been drawn. */
    public void open(java.net.URI service, String route) {
        // Forget the page drawn last: a route on the same document is drawn without loading it again.
        js("const main = document.getElementById('main'); if (main) { main.removeAttribute('data-view'); }");
        remember(service);
        String target = service.resolve("/#/" + route).toString();
        if (target.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh(); // the same address again would not even fire hashchange
        } else {
            driver.get(target);
        }
        awaitPage();
    }

    /**
     * A wait that looks again every 25 ms (Selenium's default is 500 ms: half a second lost on most waits, as the page
     * is rarely drawn at the very first look).
     */
    public static WebDriverWait waiting(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25));
    }

    /** Waits until the client has drawn a page (it numbers them): a heading in main, nothing loading. */
    public void awaitPage() {
        waiting(driver, Duration.ofSeconds(15))
                .until(it -> Boolean.TRUE.equals(js("const main = document.getElementById('main');"
                   + "return !!main && !!main.dataset.view && !main.hasAttribute('aria-busy')"
                   + " && !!main.querySelector('h1');")));
    }

    /** Runs a script in the page and answers its result. */
    public Object js(String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the page is wider than the window (a horizontal scroll bar). */
    public boolean scrollsSideways() {
        Object wider = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /** A site this browser opened, whose stored data closing it must forget. */
    public void remember(java.net.URI site) {
        origins.add(site.getScheme() + "://" + site.getRawAuthority());
    }

    /** Forgets everything a person's browser would keep, and keeps the browser for the next test; or quits it. */
    @Override
    public void close() {
        try {
            forgetEverything();
        } catch (RuntimeException e) {
            quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(language, key -> new ArrayDeque<>()).push(this);
        }
    }

    /**
     * One new blank tab instead of every open one (no history, no session storage), no cookies, no cache, nothing
     * stored for any site it opened, no downloads, a phone's size.
     */
    private void forgetEverything() {
        dismissDialog();
        for (String window : driver.getWindowHandles()) {
            driver.switchTo().window(window);
            visitedOrigins().forEach(origins::add);
        }
        String blank = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(blank)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(blank);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        origins.clear();
        if (driver.getWindowHandles().size() != 1) {
            throw new IllegalStateException("the browser kept a tab open");
        }
        TestFolders.delete(downloads);
        TestFolders.create(downloads);
        driver.manage().window().setSize(PHONE);
    }

    private void dismissDialog() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // none open: the usual case
        }
    }

    /** The origins (scheme, host, port) of every address in the current tab's history. */
    @SuppressWarnings("unchecked")
    private List<String> visitedOrigins() {
        Map<String, Object> history = driver.executeCdpCommand("Page.getNavigationHistory", Map.of());
        return ((List<Map<String, Object>>) history.get("entries")).stream()
                .map(entry -> java.net.URI.create(String.valueOf(entry.get("url"))))
                .filter(address -> "http".equals(address.getScheme()) || "https".equals(address.getScheme()))
                .map(address -> address.getScheme() + "://" + address.getRawAuthority())
                .toList();
    }

    private void quit() {
        try {
            driver.quit();
        } finally {
            TestFolders.delete(profile);
            TestFolders.delete(downloads);
        }
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            IDLE.values().forEach(browsers -> browsers.forEach(Browser::quit));
            IDLE.clear();
        }
    }
}
