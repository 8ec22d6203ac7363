package nl.familyliaison.web;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.familyliaison.AdminCommand;
import nl.familyliaison.signin.Totp;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.apache.commons.codec.binary.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * How staff come in, in the browser, as people do it: the installation command's link, the enrolment page (password,
 * the key shown on the page, a first code), the administrators' staff page and the invitation mail. Later journeys
 * (assigning a case, inviting members) start from {@link Enrolled} people made here.
 */
final class Onboarding {

    static final String PASSWORD = nl.familyliaison.support.People.STAFF_PASSWORD;
    static final String INVITATION_SUBJECT = "Uw account voor Familiecontact|Your Family contact account";
    static final String NEW_LINK_SUBJECT = "Een nieuwe link voor uw account bij Familiecontact"
                                           + "|A new link for your Family contact account";
    private static final Pattern LINK = Pattern.compile("(http://\\S+/#enrol=[A-Za-z0-9_-]{43})");

    private final TestService service;

    Onboarding(TestService service) {
        this.service = service;
    }

    /** Someone who enrolled: their address and the authenticator key they typed from the page. */
    record Enrolled(String email, byte[] secret) {
    }

    /** Runs {@code create-admin} and answers the enrolment link it printed. */
    String createAdmin(String email, String name) {
        return linkIn(AdminCommand.createAdmin(service, email, name));
    }

    /**
     * The enrolment link of the {@code mailsBefore + 1}-th mail with {@code subject} to {@code email}, on this test
     * service: it listens on a port chosen at start ({@code server.port} 0), which the mail's address cannot know.
     */
    String mailedLink(String email, String subject, int mailsBefore) {
        String link = linkIn(Mailbox.awaitNew(email, subject, mailsBefore).text());
        return service.api().base() + link.substring(link.indexOf("#enrol="));
    }

    static String linkIn(String text) {
        Matcher found = LINK.matcher(text);
        if (!found.find()) {
            throw new AssertionError("no enrolment link in: " + text);
        }
        return found.group(1);
    }

    /** Opens the link as a new document (as a click in a mail does); the page is drawn. */
    static void openLink(Client client, String link) {
        client.driver().get(link);
        client.browser().awaitPage();
    }

    /** Chooses the password on the enrolment page; the page then shows the QR code and the key. */
    static void choosePassword(Client client, String password) {
        client.fill("enrol.choosePassword", "password", password)
                .fill("enrol.choosePassword", "repeat", password)
                .submit("enrol.choosePassword");
        client.await(driver -> !driver.findElements(By.id("enrol-secret")).isEmpty());
    }

    /** The key as the page shows it (groups of four), read as an authenticator app would take it. */
    static byte[] shownSecret(Client client) {
        return new Base32().decode(client.driver().findElement(By.id("enrol-secret")).getText().replace(" ", ""));
    }

    /** The whole enrolment by mouse and typing: password, key, first code; answers who enrolled. */
    Enrolled enrol(Client client, String link, String email) {
        openLink(client, link);
        choosePassword(client, PASSWORD);
        byte[] secret = shownSecret(client);
        client.fill("enrol.confirm", "code", codeNow(secret)).submit("enrol.confirm");
        return new Enrolled(email, secret);
    }

    /** The same enrolment by keyboard alone: Tab to each field, type, Enter. */
    Enrolled enrolByKeyboard(Client client, String link, String email) {
        openLink(client, link);
        tabTo(client, field("password")).sendKeys(PASSWORD);
        tabTo(client, field("repeat")).sendKeys(PASSWORD, Keys.ENTER);
        client.await(driver -> !driver.findElements(By.id("enrol-secret")).isEmpty());
        byte[] secret = shownSecret(client);
        String before = client.view();
        tabTo(client, field("code")).sendKeys(codeNow(secret), Keys.ENTER);
        client.await(driver -> !client.view().equals(before));
        client.browser().awaitPage();
        return new Enrolled(email, secret);
    }

    String codeNow(byte[] secret) {
        return Totp.codeAt(secret, service.clock().instant());
    }

    /** Staff sign-in in the browser with the next 30-second code. */
    void signIn(Client client, Enrolled person) {
        service.clock().advance(Duration.ofSeconds(30));
        client.open("staff/sign-in")
                .fill("staffSignIn.submit", "email", person.email())
                .fill("staffSignIn.submit", "password", PASSWORD)
                .fill("staffSignIn.submit", "code", codeNow(person.secret()))
                .submit("staffSignIn.submit");
    }

    /** On the staff accounts page: asks for an account (it then waits for a second administrator). */
    static void askForAccount(Client admin, String name, String email, String role) {
        admin.open("admin/staff")
                .fill("staffAccounts.create", "displayName", name)
                .fill("staffAccounts.create", "email", email)
                .select("staffAccounts.create", "role", role)
                .submit("staffAccounts.create");
    }

    /** On the approvals page: approves every request someone else asked for. */
    static void approveAll(Client admin) {
        admin.open("admin/approvals");
        By approve = By.xpath("//button[normalize-space()='Goedkeuren']");
        while (!admin.driver().findElements(approve).isEmpty()) {
            admin.click(approve);
        }
    }

    /** The card of one account on the staff accounts page. */
    static WebElement card(Client admin, String email) {
        return admin.driver().findElement(By.cssSelector("li[data-account='" + email + "']"));
    }

    /** Clicks a button in an account's card that asks first, then its "yes" (both by their Dutch text). */
    static void confirmInCard(Client admin, String email, String button, String yes) {
        card(admin, email).findElement(By.xpath(".//button[normalize-space()='" + button + "']")).click();
        admin.click(By.xpath("//li[@data-account='" + email + "']//button[normalize-space()='" + yes + "']"));
    }

    static Predicate<WebElement> field(String name) {
        return element -> name.equals(element.getDomAttribute("name"));
    }

    static WebElement tabTo(Client client, Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            new Actions(client.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = client.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the element");
    }
}
