package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.familyliaison.support.Browser;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The header's language choice (every listed language by its own name, by keyboard, remembered) and right to left:
 * in Arabic the page is Dutch's mirror image (the quick exit, a heading's start, a label over its field, the
 * navigation's first link), at a phone's and a desktop's width.
 */
class LanguagesBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    /** Positions may differ by rounding and by a scroll bar's width no more than this. */
    private static final double SLACK = 3;
    private static Team team;
    @RegisterExtension
    static final Client client = Client.perClass(service, "languages", "nl");

    @BeforeAll
    static void start() {
        team = Team.open(service, "rtl");
    }

    @Test
    void everyListedLanguageIsChosenByKeyboardByItsOwnNameAndRemembered() {
        List<TourLanguages.Listed> listed = TourLanguages.listed();
        Team.startSignedOut(client);
        WebElement toggle = AdminPages.tabTo(client, element -> "language".equals(element.getDomAttribute("id")));
        toggle.sendKeys(Keys.ENTER);
        List<WebElement> choices = client.driver().findElements(By.cssSelector("#language-menu [data-language]"));
        assertEquals(listed.stream().map(TourLanguages.Listed::code).toList(),
                     choices.stream().map(choice -> choice.getDomAttribute("data-language")).toList());
        for (int i = 0; i < choices.size(); i++) {
            WebElement name = choices.get(i).findElement(By.tagName("span"));
            assertEquals(listed.get(i).name(), name.getText());
            assertEquals(listed.get(i).code(), name.getDomAttribute("lang"));
            assertEquals(listed.get(i).direction(), name.getDomAttribute("dir"));
            // A language no native speaker has checked yet says so under its name, in its own words.
            List<WebElement> warning = choices.get(i).findElements(By.className("fl-language__unreviewed"));
            assertEquals(listed.get(i).reviewed() ? 0 : 1, warning.size(), listed.get(i).code());
        }
        assertEquals("true", choices.get(0).getDomAttribute("aria-current"));
        String before = client.view();
        AdminPages.tabTo(client, element -> "en".equals(element.getDomAttribute("data-language")))
                .sendKeys(Keys.ENTER);
        client.await(driver -> !client.view().equals(before));
        client.browser().awaitPage();
        assertEquals("Welcome", client.heading());
        assertEquals("language", client.driver().switchTo().activeElement().getDomAttribute("id"), "focus stays");
        client.reload();
        assertEquals("en", client.browser().js("return document.documentElement.lang;"), "remembered");

        team.signIn(client, team.inspector());
        client.language("nl");
        assertEquals("nl", team.inspectorNow().get("/api/preferences").json().path("language").asText(),
                     "signed in, the choice is the person's own");
        Team.signOut(client);
    }

    /**
     * The first listed right-to-left language that has its texts (Arabic); none yet while only Dutch and English are
     * listed, and then there is nothing to mirror.
     */
    private static String rightToLeft() {
        java.util.Optional<TourLanguages.Listed> found = TourLanguages.withClientTexts().stream()
                .filter(language -> language.direction().equals("rtl")).findFirst();
        Assumptions.assumeTrue(found.isPresent(), "no right-to-left language is listed yet");
        return found.get().code();
    }

    @Test
    void inArabicThePageIsDutchsMirrorImage() {
        String arabic = rightToLeft();
        List<String> problems = new ArrayList<>();
        team.signIn(client, team.inspector());
        for (Dimension size : List.of(new Dimension(360, 640), new Dimension(1280, 900))) {
            client.driver().manage().window().setSize(size);
            Map<String, Double> dutch = positions("nl");
            Map<String, Double> mirrored = positions(arabic);
            client.shot("languages-mirror-" + arabic + "-" + size.width);
            dutch.forEach((what, start) -> {
                if (Math.abs(start - mirrored.get(what)) > SLACK) {
                    problems.add(size.width + " px, " + what + ": " + start + " from the left in Dutch, "
                                 + mirrored.get(what) + " from the right in " + arabic);
                }
            });
        }
        client.driver().manage().window().setSize(new Dimension(360, 640));
        assertEquals(List.of(), problems);
        client.browser().js("localStorage.setItem('language', 'nl');");
        Team.signOut(client);
    }

    @Test
    void inArabicEscStillLeavesAtOnce() {
        String arabic = rightToLeft();
        Team.startSignedOut(client);
        client.browser().js("localStorage.setItem('language', arguments[0]);", arabic);
        client.load("sign-in");
        assertEquals("rtl", client.browser().js("return document.documentElement.dir;"));
        client.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        boolean left = Browser.waiting(client.driver(), Duration.ofSeconds(10))
                .until(driver -> !driver.getCurrentUrl().startsWith(service.api().base().toString()));
        assertTrue(left);
        client.open("");
        client.browser().js("localStorage.setItem('language', 'nl');");
    }

    /**
     * Start edges (from the left in a left-to-right page, from the right in a right-to-left one) of the quick exit,
     * the first heading's text, a label's text and its field (on the staff sign-in page), and the navigation's first
     * link (on the dashboard), in {@code language}.
     */
    private static Map<String, Double> positions(String language) {
        client.browser().js("localStorage.setItem('language', arguments[0]);", language);
        client.load("dashboard");
        assertEquals(language.equals("nl") ? "ltr" : "rtl", client.browser().js("return document.dir;"));
        Map<String, Double> found = new java.util.TreeMap<>(measure("end of quickExit", "#quick-exit", "navFirstLink",
                                                                    "#nav li:first-child a", "heading", "main h1"));
        client.load("absence");
        found.putAll(measure("label", "main form .utrecht-form-label", "field",
                             "main form .utrecht-select, main form .utrecht-textbox", "absenceHeading", "main h1"));
        return found;
    }

    /**
     * Pairs of a name and a selector: the start edge of the text (or of the box, for a field) of the first match; for
     * a name starting with "end", the end edge of its box.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> measure(String... pairs) {
        Map<String, Object> raw = (Map<String, Object>) client.browser().js(
                "const width = document.documentElement.clientWidth;"
                + "const rtl = document.dir === 'rtl';"
                + "const found = {};"
                + "for (let i = 0; i < arguments.length; i += 2) {"
                + "  const element = document.querySelector(arguments[i + 1]);"
                + "  if (!element) { found[arguments[i]] = -1; continue; }"
                + "  let box = element.getBoundingClientRect();"
                + "  if (arguments[i].startsWith('end')) {"
                + "    found[arguments[i]] = rtl ? box.left : width - box.right; continue;"
                + "  }"
                + "  if (!/^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {"
                + "    const range = document.createRange(); range.selectNodeContents(element);"
                + "    box = range.getBoundingClientRect();"
                + "  }"
                + "  found[arguments[i]] = rtl ? width - box.right : box.left;"
                + "}"
                + "return found;", (Object[]) pairs);
        Map<String, Double> starts = new java.util.TreeMap<>();
        raw.forEach((name, value) -> starts.put(name, ((Number) value).doubleValue()));
        return starts;
    }
}
