package nl.familyliaison.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for browser tests. Host names other
 * than 127.0.0.1 resolve to nothing, so a page that leaves the service (the quick exit) sends no traffic out.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(WebDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** A phone-sized browser (360 × 640) speaking {@code language}. */
    public static Browser phone(String language) {
        Path profile = TestFolders.fresh("chromium-profile");
        Path downloads = TestFolders.fresh("chromium-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--disable-quic", "--lang=" + language, "--accept-lang=" + language,
                             "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                             "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language,
                                                                "download.default_directory", downloads.toString(),
                                                                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(360, 640));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver, profile, downloads);
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
        String target = service.resolve("/#/" + route).toString();
        if (target.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh(); // the same address again would not even fire hashchange
        } else {
            driver.get(target);
        }
        awaitPage();
    }

    /** Waits until the client has drawn a page (it numbers them): a heading in main, nothing loading. */
    public void awaitPage() {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
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

    @Override
    public void close() {
        driver.quit();
        TestFolders.delete(profile);
        TestFolders.delete(downloads);
    }
}
