package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Investigators' interview work in the browser: the agenda by week, a clash marked while proposing, taking back a
 * proposal, recording a no-show; and the screen: staff pages use a desktop's width, the quick exit stays in view on a
 * long page, and a rate-limited action says when to try again.
 */
class InterviewWorkBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(
            settings -> settings.set("rate-limits.message-post-account.capacity", "1"));

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    @RegisterExtension
    static final Client staff = Client.perClass(service, "interview-work", "nl");

    @Test
    void theInvestigatorSeesAColleaguesClashWhileProposingAndTheInterviewInTheAgenda() {
        Team team = Team.open(service, "clash");
        String member = team.invite("clash.member@example.org", "Sanne Bakker");
        String otherCase = secondCase(team, "clash-2");
        String relative = invite(team.inspectorNow(), otherCase, "clash.other@example.org", "Ruud Smit");
        Instant taken = mondayInWeeks(2).plus(Duration.ofHours(10));
        appointment(team.inspectorNow(), otherCase, relative, taken, List.of());

        Team.startSignedOut(staff);
        team.signIn(staff, team.investigator());
        staff.open("cases/" + team.caseId() + "/interviews");
        staff.set("interviews.proposeSubmit", "start1", local(taken));
        change("interviews.proposeSubmit", "start1");
        awaitClashes(0);
        staff.choose("interviews.proposeSubmit", "staffIds", team.inspector().account().id());
        WebElement clash = awaitClashes(1).get(0);
        assertTrue(clash.getText().contains(team.inspector().account().displayName()), clash.getText());
        String described = staff.form("interviews.proposeSubmit").findElement(By.name("start1"))
                .getDomAttribute("aria-describedby");
        assertTrue(described.contains(clash.getDomAttribute("id")), "read out with the time field");
        staff.shot("interview-work-01-clash");
        assertEquals(List.of(), PageChecks.accessibilityViolations(staff));

        Instant free = taken.plus(Duration.ofHours(2));
        staff.set("interviews.proposeSubmit", "start1", local(free));
        change("interviews.proposeSubmit", "start1");
        awaitClashes(0);
        staff.choose("interviews.proposeSubmit", "memberIds", member)
                .select("interviews.proposeSubmit", "length1", "90")
                .fill("interviews.proposeSubmit", "place", "Turfmarkt 147, Den Haag")
                .submit("interviews.proposeSubmit");
        WebElement confirm = staff.driver().findElement(By.cssSelector("main .fl-slots button"));
        assertTrue(confirm.getDomAttribute("aria-label").startsWith(confirm.getText()),
                   "the accessible name holds the visible label (WCAG 2.5.3)");
        staff.click(By.cssSelector("main .fl-slots button"));

        LocalDate week = LocalDate.ofInstant(free, AMSTERDAM);
        staff.open("agenda/" + week.minusWeeks(1));
        assertEquals("Mijn gesprekken", staff.heading());
        assertFalse(staff.text().contains("Sanne Bakker"), "not in the week before");
        WebElement next = staff.driver().findElement(By.cssSelector("a[rel='next']"));
        String before = staff.view();
        next.sendKeys(Keys.ENTER);
        staff.await(driver -> !staff.view().equals(before));
        staff.awaitText("Sanne Bakker").awaitText("2026-clash");
        staff.shot("interview-work-02-agenda-phone");
        assertEquals(List.of(), PageChecks.accessibilityViolations(staff));
        desktop(() -> {
            WebElement table = staff.driver().findElement(By.cssSelector("main table"));
            assertTrue(table.isDisplayed(), "a table on a desktop");
            assertTrue(table.getText().contains("Sanne Bakker"));
            assertFalse(staff.driver().findElement(By.cssSelector(".fl-agenda-list")).isDisplayed());
            staff.shot("interview-work-03-agenda-desktop");
            assertEquals(List.of(), PageChecks.accessibilityViolations(staff));
        });
    }

    @Test
    void staffTakeBackAProposalAndRecordANoShowAfterTheStart() {
        Team team = Team.open(service, "noshow");
        String member = team.invite("noshow.member@example.org", "Kees Jansen");
        Instant later = service.clock().instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String proposal = propose(team.investigatorNow(), team.caseId(), member, later, List.of()).path("id").asText();
        Instant soon = service.clock().instant().plus(Duration.ofMinutes(5));
        String appointment = appointment(team.investigatorNow(), team.caseId(), member, soon, List.of());

        Team.startSignedOut(staff);
        team.signIn(staff, team.investigator());
        staff.open("cases/" + team.caseId() + "/interviews");
        staff.expand("interviews.withdrawSubmit").submit("interviews.withdrawSubmit");
        staff.awaitText("De uitnodiging is ingetrokken.");
        assertEquals("WITHDRAWN", team.investigatorNow().get("/api/interview-proposals/" + proposal).json()
                .path("status").asText());

        service.clock().advance(Duration.ofMinutes(6));
        staff.open("cases/" + team.caseId() + "/interviews").reload();
        staff.choose("interviews.outcomeSubmit", "outcome", "NOT_HELD")
                .fill("interviews.outcomeSubmit", "outcomeNote", "Niet gekomen; morgen bellen.")
                .submit("interviews.outcomeSubmit");
        staff.awaitText("Het gesprek is niet doorgegaan (niet gekomen)").awaitText("Niet gekomen; morgen bellen.");
        staff.shot("interview-work-04-no-show");
        assertEquals(List.of(), PageChecks.accessibilityViolations(staff));
        Api family = service.api().as(service.people().signInMember("noshow.member@example.org"));
        String seen = family.get("/api/appointments/" + appointment).body();
        assertFalse(seen.contains("NOT_HELD") || seen.contains("morgen bellen"), "members never see it");
    }

    @Test
    void staffPagesUseTheDesktopWidthAndTheQuickExitStaysInViewOnALongPage() {
        Team team = Team.open(service, "layout");
        for (int i = 0; i < 4; i++) {
            String member = team.invite("layout.member" + i + "@example.org", "Lid " + i);
            propose(team.inspectorNow(), team.caseId(), member,
                    service.clock().instant().plus(Duration.ofDays(5 + i)).truncatedTo(ChronoUnit.HOURS), List.of());
        }
        Team.startSignedOut(staff);
        team.signIn(staff, team.inspector());
        desktop(() -> {
            staff.open("dashboard");
            long main = number("return document.querySelector('main').getBoundingClientRect().width;");
            assertTrue(main > 44 * 16, "wider than 44rem at 1280 px: " + main);
            long nav = number("return document.querySelector('#nav ul').getBoundingClientRect().left;");
            long content = number("const main = document.querySelector('main'); return main.getBoundingClientRect()"
                                  + ".left + parseFloat(getComputedStyle(main).paddingLeft);");
            assertTrue(Math.abs(nav - content) <= 1, "the navigation lines up with the page: " + nav + " " + content);
            staff.shot("interview-work-05-dashboard-desktop");
            assertEquals(List.of(), PageChecks.accessibilityViolations(staff));
            staff.open("cases/" + team.caseId() + "/interviews");
            long form = number("return document.querySelector('form[data-form=\"interviews.proposeSubmit\"]')"
                               + ".getBoundingClientRect().left;");
            assertTrue(form > 44 * 16, "the proposal form stands beside the lists: " + form);
            staff.shot("interview-work-05b-interviews-desktop");
            PageChecks.expandAll(staff);
            assertEquals(List.of(), PageChecks.accessibilityViolations(staff));
        });
        staff.open("cases/" + team.caseId() + "/interviews");
        staff.browser().js("window.scrollTo(0, document.body.scrollHeight);");
        assertTrue(number("return window.scrollY;") > 1000, "a long page");
        assertTrue((Boolean) staff.browser().js("const box = document.getElementById('quick-exit')"
                                                + ".getBoundingClientRect(); return box.top >= 0 && box.bottom <= "
                                                + "window.innerHeight;"), "the quick exit is in view");
        staff.shot("interview-work-06-scrolled");
        staff.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
        staff.await(driver -> !driver.getCurrentUrl().startsWith(service.api().base().toString()));
    }

    @Test
    void aRateLimitedMessageSaysWhenToTryAgainInBothLanguages() {
        Team team = Team.open(service, "limited");
        team.invite("limited.member@example.org", "Fatima el Amrani");
        try (Client family = Client.start(service.api().base(), "limited", "nl")) {
            Team.signInMember(family, "limited.member@example.org", step -> { });
            family.open("cases/" + team.caseId() + "/messages");
            family.fill("messages.send", "text", "Eerste vraag.").submit("messages.send");
            family.open("cases/" + team.caseId() + "/messages");
            String refused = family.fill("messages.send", "text", "Tweede vraag.").submitRefused("messages.send");
            assertTrue(refused.matches("(?s).*U kunt het weer proberen vanaf \\d{2}:\\d{2}\\..*"), refused);
            family.shot("interview-work-07-rate-limited-nl");
            family.language("en");
            family.open("cases/" + team.caseId() + "/messages");
            String english = family.fill("messages.send", "text", "Second question.").submitRefused("messages.send");
            assertTrue(english.matches("(?s).*You can try again from \\d{2}:\\d{2}\\..*"), english);
        }
    }

    private static void desktop(Runnable checks) {
        staff.driver().manage().window().setSize(new Dimension(1280, 900));
        try {
            checks.run();
        } finally {
            staff.driver().manage().window().setSize(new Dimension(360, 640));
        }
    }

    private static long number(String script) {
        return Math.round(((Number) staff.browser().js(script)).doubleValue());
    }

    private static void change(String form, String field) {
        staff.browser().js("arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
                           staff.form(form).findElement(By.name(field)));
    }

    private static List<WebElement> awaitClashes(int count) {
        return staff.await(driver -> {
            List<WebElement> shown = driver.findElements(By.cssSelector(".fl-clash")).stream()
                    .filter(WebElement::isDisplayed).toList();
            return shown.size() == count ? shown : null;
        });
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, AMSTERDAM).toString();
    }

    private static Instant mondayInWeeks(int weeks) {
        LocalDate today = LocalDate.ofInstant(service.clock().instant(), AMSTERDAM);
        return today.minusDays(today.getDayOfWeek().getValue() - 1L).plusWeeks(weeks).atStartOfDay(AMSTERDAM)
                .toInstant();
    }

    private static String secondCase(Team team, String reference) {
        Reply opened = team.inspectorNow().post("/api/cases", "{\"reference\":\"" + reference
                                                 + "\",\"title\":\"Onderzoek twee\",\"incidentDate\":\"2026-01-15\"}");
        String caseId = opened.json().path("id").asText();
        Admins.create(service, reference).assignStaff(caseId, team.inspector().account().id(),
                                                      List.of(team.investigator().account().id()));
        return caseId;
    }

    private static String invite(Api inspector, String caseId, String email, String name) {
        return inspector.post("/api/cases/" + caseId + "/members", "{\"email\":\"" + email + "\",\"displayName\":\""
                                                                   + name + "\",\"relation\":\"PARENT\"}")
                .json().path("id").asText();
    }

    private static JsonNode propose(Api api, String caseId, String memberId, Instant start, List<String> staffIds) {
        String body = "{\"slots\":[{\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofHours(1))
                      + "\"}],\"mode\":\"PHONE\",\"memberIds\":[\"" + memberId + "\"],\"staffIds\":"
                      + staffIds.stream().map(id -> "\"" + id + "\"").toList() + "}";
        Reply proposed = api.post("/api/cases/" + caseId + "/interview-proposals", body);
        assertEquals(201, proposed.status(), proposed.toString());
        return proposed.json();
    }

    private static String appointment(Api api, String caseId, String memberId, Instant start, List<String> staffIds) {
        JsonNode proposal = propose(api, caseId, memberId, start, staffIds);
        Reply confirmed = api.post("/api/interview-proposals/" + proposal.path("id").asText() + "/confirmation",
                                   "{\"slotId\":\"" + proposal.path("slots").get(0).path("id").asText() + "\"}");
        assertEquals(201, confirmed.status(), confirmed.toString());
        return confirmed.json().path("id").asText();
    }
}
