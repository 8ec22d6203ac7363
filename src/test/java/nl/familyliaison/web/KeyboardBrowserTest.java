package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;

import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * By keyboard alone (Tab, Enter, Space and typing; no clicks): a member signs in with the code from the mail and
 * sends a message. And the session warning: shortly before the session idles out the page says so, and "stay
 * signed in" keeps it.
 */
class KeyboardBrowserTest {

    /** Idle timeout just over the two-minute warning: the warning shows after five seconds. */
    @RegisterExtension
    static final TestService service =
            TestService.perClass(settings -> settings.set("sessions.idle-timeout", "PT2M5S"));

    private static Team team;
    @RegisterExtension
    static final Client client = Client.perClass(service, "keyboard", "nl");

    @BeforeAll
    static void start() {
        team = Team.open(service, "keys");
    }

    @Test
    void aMemberSignsInAndSendsAMessageByKeyboardAlone() {
        String email = "toetsenbord@example.org";
        team.invite(email, "Kim Bakker");
        Team.startSignedOut(client);
        tabTo(element -> "member-sign-in".equals(element.getDomAttribute("id"))).sendKeys(Keys.ENTER);
        client.browser().awaitPage();
        int before = Mailbox.to(email, People.CODE_SUBJECT).size();
        tabTo(element -> "email".equals(element.getDomAttribute("name"))).sendKeys(email, Keys.ENTER);
        client.awaitText("Vul de code in");
        String code = Mailbox.code(Mailbox.awaitNew(email, People.CODE_SUBJECT, before), 8);
        WebElement codeField = active();
        assertEquals("code", codeField.getDomAttribute("name"), "the code field has the focus");
        codeField.sendKeys(code, Keys.ENTER);
        client.awaitText("Mijn onderzoeken");

        tabTo(element -> element.getText().equals("Onderzoek brand Noord")).sendKeys(Keys.ENTER);
        client.awaitText("Hoe staat het onderzoek ervoor?");
        tabTo(element -> element.getText().equals("Berichten") && element.getTagName().equals("a"))
                .sendKeys(Keys.ENTER);
        client.awaitText("Nieuw bericht aan uw familie-inspecteur");
        tabTo(element -> "text".equals(element.getDomAttribute("name")))
                .sendKeys("Ik wil graag weten wie de onderzoekers zijn.");
        tabTo(element -> element.getText().equals("Bericht sturen")).sendKeys(Keys.ENTER);
        client.awaitText("Ik wil graag weten wie de onderzoekers zijn.");
        assertEquals("Gesprek", client.heading());
        client.shot("keyboard-message-sent");

        String threads = team.inspectorNow().get("/api/cases/" + team.caseId() + "/threads").body();
        assertTrue(threads.contains("Kim Bakker"), threads);
    }

    @Test
    void beforeTheSessionIdlesOutTheWarningOffersToStaySignedIn() {
        String email = "waarschuwing@example.org";
        team.invite(email, "Lotte Smit");
        Team.startSignedOut(client);
        Team.signInMember(client, email, step -> { });
        WebElement warning = client.driver().findElement(By.id("session-warning"));
        assertFalse(warning.isDisplayed(), "no warning right after sign-in");
        client.await(driver -> warning.isDisplayed());
        assertTrue(warning.getText().contains("U wordt over 2 minuten uitgelogd"), warning.getText());
        assertEquals("alert", warning.getDomAttribute("role"));
        client.shot("session-warning");

        client.driver().findElement(By.id("stay-signed-in")).sendKeys(Keys.ENTER);
        client.await(driver -> !warning.isDisplayed());
        client.open("preferences");
        assertEquals("Instellingen", client.heading(), "still signed in");
    }

    /** Presses Tab until the focused element is the one wanted (at most 60 times). */
    private static WebElement tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            new Actions(client.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = active();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the element; last: " + active().getText());
    }

    private static WebElement active() {
        return client.driver().switchTo().activeElement();
    }
}
