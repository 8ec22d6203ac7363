package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * "Who looked at my file" in the browser: the newest lines first, older ones on request, and a refusal of someone
 * from another case without their name.
 */
class AccessLogBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final String MEMBER = "lotte.log@example.org";
    @RegisterExtension
    static final Client family = Client.perClass(service, "family", "nl");

    @Test
    void aMemberPagesBackToTheOldestLine() {
        Team team = Team.open(service, "log");
        team.invite(MEMBER, "Lotte de Vries");
        Team other = Team.open(service, "log-other");
        other.invite("prober.log@example.org", "Piet Prober");
        Api prober = service.api().as(service.people().signInMember("prober.log@example.org"));
        assertEquals(404, prober.get("/api/cases/" + team.caseId() + "/timeline").status());
        Api inspector = team.inspectorNow();
        for (int i = 0; i < 55; i++) {
            inspector.get("/api/cases/" + team.caseId() + "/timeline");
        }

        Team.startSignedOut(family);
        Team.signInMember(family, MEMBER, step -> { });
        family.open("access-log");
        assertEquals("Wie keek in mijn dossier", family.heading());
        assertEquals(50, lines());
        assertFalse(family.text().contains("Iemand zonder toegang"), "the refusal is older than the first page");
        family.shot("access-log-01-first-page");

        family.driver().findElement(By.cssSelector("button[data-older]")).click();
        family.awaitText("Iemand zonder toegang probeerde iets te openen. Dat werd geweigerd.");
        assertTrue(lines() > 55, String.valueOf(lines()));
        assertTrue(family.driver().findElements(By.cssSelector("button[data-older]")).isEmpty(), "the last page");
        assertFalse(family.text().contains("Piet Prober"), family.text());
        family.shot("access-log-02-older-lines");
    }

    private static int lines() {
        return family.driver().findElements(By.cssSelector("main ol.fl-cards > li")).size();
    }
}
