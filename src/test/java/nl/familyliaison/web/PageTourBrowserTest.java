package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.familyliaison.access.Role;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * Every page, in every listed language, on a 360 × 640 and a 1280 × 900 screen, filled with a case that has an update with a correction,
 * a conversation, an open interview proposal, an appointment, a briefing with a remark and a meeting request,
 * feedback and a removal request: axe-core finds no violation of any impact, nothing
 * scrolls sideways, the page weighs at most 150 KB, every text comes from the page language's translation file and,
 * in a language other than Dutch, no text is left in Dutch. Each page is saved as a screenshot (at 360 px).
 */
class PageTourBrowserTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final String MEMBER = "tour.member@example.org";
    private static Team team;
    private static People.Staff admin;
    @RegisterExtension
    static final Client client = Client.perClass(service, "tour", "nl");
    @RegisterExtension
    static final Client second = Client.perClass(service, "tour-2", "nl");
    private static final Map<String, Long> WEIGHTS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final Map<String, Map<String, String>> TEXTS = new ConcurrentHashMap<>();
    private static String firstThread;
    private static final Dimension PHONE = new Dimension(360, 640);
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    @BeforeAll
    static void caseWithEverything() {
        team = Team.open(service, "tour");
        admin = service.people().staff(Role.ADMIN, "tour-admin2@inspectie.example");
        String membership = team.invite(MEMBER, "Noor Jansen");
        Api inspector = team.inspectorNow();
        String path = "/api/cases/" + team.caseId();
        String update = ok(inspector.post(path + "/updates", "{\"text\":\"Wij hebben de eerste stukken ontvangen.\"}"))
                .json().path("id").asText();
        ok(inspector.post(path + "/updates/" + update + "/corrections",
                          "{\"text\":\"Het waren de stukken van de politie, niet van de gemeente.\"}"));
        Api member = service.api().as(service.people().signInMember(MEMBER));
        String thread = ok(member.post(path + "/threads", "{\"text\":\"Mag mijn zus ook meelezen?\"}"))
                .json().path("thread").path("id").asText();
        ok(inspector.post(path + "/threads/" + thread + "/messages", "{\"text\":\"Ja, ik nodig haar uit.\"}"));
        Api investigator = team.investigatorNow();
        String confirmedOne = proposal(investigator, path, membership, "2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z");
        String slot = ok(investigator.get("/api/interview-proposals/" + confirmedOne)).json()
                .path("slots").get(0).path("id").asText();
        ok(investigator.post("/api/interview-proposals/" + confirmedOne + "/confirmation",
                             "{\"slotId\":\"" + slot + "\"}"));
        proposal(investigator, path, membership, "2026-03-16T13:00:00Z", "2026-03-16T14:00:00Z");
        endOfInvestigation(inspector, member, path, membership);
    }

    /**
     * A briefing the member opened, remarked on and wants explained in a meeting, and one still behind its warning;
     * feedback; a removal request.
     */
    private static void endOfInvestigation(Api inspector, Api member, String path, String membership) {
        String upload = ok(inspector.send("POST", path + "/attachments", "application/pdf",
                                          SampleFiles.pdf("Conceptrapport"), "X-File-Name", "concept.pdf"))
                .json().path("id").asText();
        String briefing = ok(inspector.post(path + "/briefings", "{\"attachmentId\":\"" + upload + "\",\"memberIds\":[\""
                                            + membership + "\"],\"publicationDate\":\"2026-04-01\","
                                            + "\"remarksUntil\":\"2026-03-25T17:00:00Z\","
                                            + "\"note\":\"Bel mij gerust als u vragen heeft.\"}"))
                .json().path("id").asText();
        String one = path + "/briefings/" + briefing;
        ok(member.post(one + "/opening", "{}"));
        ok(member.post(one + "/remarks", "{\"text\":\"Het gebeurde om half tien, niet om tien uur.\"}"));
        ok(member.post(one + "/meeting-request", "{}"));
        String unopened = ok(inspector.send("POST", path + "/attachments", "application/pdf",
                                            SampleFiles.pdf("Samenvatting"), "X-File-Name", "samenvatting.pdf"))
                .json().path("id").asText();
        ok(inspector.post(path + "/briefings", "{\"attachmentId\":\"" + unopened + "\",\"memberIds\":[\""
                          + membership + "\"],\"publicationDate\":\"2026-04-01\","
                          + "\"remarksUntil\":\"2026-03-25T17:00:00Z\"}"));
        ok(member.post("/api/feedback", "{\"kind\":\"FEEDBACK\",\"about\":\"FAMILY_LIAISON\","
                                        + "\"text\":\"Fijn dat ik steeds wist waar ik aan toe was.\"}"));
        ok(member.post("/api/removal-requests", "{}"));
    }

    /**
     * Two browsers go through every page in every listed language that has its texts, at the same time, each in its
     * share of the languages (a page is checked in one document after the other, so a second browser keeps the
     * second processor busy): each role signs in once per browser, one after the other; each page is loaded once
     * per browser and then drawn in one language after the other (chosen in the header), each checked at 360 px and
     * by axe-core again at 1280 px (axe is put into the page once). The time it took is printed.
     */
    @Test
    void everyPageInEveryLanguageAtAPhoneAndADesktop() {
        long started = System.nanoTime();
        List<TourLanguages.Listed> languages = TourLanguages.withClientTexts();
        Map<Client, List<TourLanguages.Listed>> shares = shares(languages);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        shares.keySet().forEach(each -> each.open(""));
        tour("public", List.of("", "sign-in", "staff/sign-in"), shares, problems);
        shares.forEach((each, share) -> {
            use(each, share.get(0));
            Team.signInMember(each, MEMBER, step -> {
                if (step.equals("sign-in-code") && share.get(0).equals(languages.get(0))) {
                    check(each, "public-sign-in-code", languages.get(0), problems);
                }
            });
        });
        tour("member", List.of("cases", "case", "messages", "thread", "interviews", "contacts", "briefings",
                               "access-log", "my-data", "feedback", "preferences", "sessions"), shares, problems);
        shares.keySet().forEach(each -> {
            Team.signOut(each);
            team.signIn(each, team.inspector());
        });
        tour("staff", List.of("dashboard", "agenda", "case", "messages", "thread", "interviews", "contacts",
                              "staff-briefings", "closing", "removals", "absence", "preferences", "sessions"),
             shares, problems);
        shares.keySet().forEach(each -> {
            Team.signOut(each);
            team.signIn(each, admin);
        });
        tour("admin", List.of("admin/feedback", "admin/retention", "admin/approvals", "admin/cases", "admin-case",
                              "admin/figures", "admin/failed-mails", "admin/audit", "admin/overdue-promises",
                              "absence"), shares, problems);
        shares.keySet().forEach(Team::signOut);
        report(languages, started);
        assertEquals(List.of(), problems);
        assertEquals(languages.size() * (3 + 12 + 13 + 10) + 1, WEIGHTS.size(), "pages weighed: " + WEIGHTS.keySet());
        // The floor only shows that the shell (HTML, CSS, app.js) was counted; the ceiling is the limit.
        WEIGHTS.forEach((page, bytes) -> assertTrue(bytes > 10_000 && bytes <= PageChecks.WEIGHT_LIMIT,
                                                    page + " weighs " + bytes + " bytes"));
    }

    private static void report(List<TourLanguages.Listed> languages, long started) {
        System.out.printf("Page tour: %d pages in %s at 360 and 1280 px in %d s%n", WEIGHTS.size(),
                          languages.stream().map(TourLanguages.Listed::code).toList(),
                          (System.nanoTime() - started) / 1_000_000_000L);
        WEIGHTS.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .forEach(heavy -> System.out.printf("Heaviest: %s %d bytes%n", heavy.getKey(), heavy.getValue()));
    }

    /** The first browser takes the first half of the languages (Dutch first), the second the rest. */
    private static Map<Client, List<TourLanguages.Listed>> shares(List<TourLanguages.Listed> languages) {
        int half = (languages.size() + 1) / 2;
        Map<Client, List<TourLanguages.Listed>> shares = new LinkedHashMap<>();
        shares.put(client, languages.subList(0, half));
        if (half < languages.size()) {
            shares.put(second, languages.subList(half, languages.size()));
        }
        return shares;
    }

    /** Both browsers go through the pages at the same time, each in its languages; a failure in either fails. */
    private void tour(String who, List<String> routes, Map<Client, List<TourLanguages.Listed>> shares,
                      List<String> problems) {
        ExecutorService browsers = Executors.newFixedThreadPool(shares.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            shares.forEach((each, share) -> running.add(browsers.submit(() -> {
                for (String route : routes) {
                    visit(each, who, route, share, problems);
                }
            })));
            for (Future<?> one : running) {
                one.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Error error ? error : new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            browsers.shutdownNow();
        }
    }

    /** The language the next page is loaded in, as a person's earlier choice on this device. */
    private static void use(Client client, TourLanguages.Listed language) {
        client.browser().js("localStorage.setItem('language', arguments[0]);", language.code());
    }

    /**
     * Loads the page once (in the first language) and checks it in every language, chosen in the header's language
     * choice as a person would: the page is drawn anew in the same document.
     */
    private void visit(Client client, String who, String page, List<TourLanguages.Listed> languages,
                       List<String> problems) {
        use(client, languages.get(0));
        client.load(route(page));
        String name = who + "-" + (page.isEmpty() ? "home" : page.replace('/', '-'));
        for (TourLanguages.Listed language : languages) {
            if (!language.equals(languages.get(0))) {
                choose(client, language);
            }
            check(client, name, language, problems);
        }
    }

    private static void choose(Client client, TourLanguages.Listed language) {
        String before = client.view();
        client.browser().js("document.querySelector(`#language-menu [data-language='${arguments[0]}']`).click();",
                            language.code());
        client.await(driver -> !client.view().equals(before)
                               && language.code().equals(client.browser().js("return document.documentElement.lang;")));
        client.browser().awaitPage();
    }

    private static String route(String page) {
        String path = "cases/" + team.caseId();
        return switch (page) {
            case "case" -> path;
            case "messages", "interviews", "contacts", "briefings", "staff-briefings", "closing" -> path + "/" + page;
            case "thread" -> path + "/messages/" + firstThread();
            case "admin-case" -> "admin/" + path;
            default -> page;
        };
    }

    private static synchronized String firstThread() {
        if (firstThread == null) {
            firstThread = team.inspectorNow().get("/api/cases/" + team.caseId() + "/threads").json()
                    .path("threads").get(0).path("id").asText();
        }
        return firstThread;
    }

    private void check(Client client, String name, TourLanguages.Listed language, List<String> problems) {
        String page = name + "-" + language.code();
        assertEquals(List.of(language.code(), language.direction()),
                     client.browser().js("return [document.documentElement.lang, document.documentElement.dir];"),
                     page);
        client.shot("tour-" + page);
        WEIGHTS.put(page, PageChecks.weight(client, language.code()));
        PageChecks.expandAll(client);
        if (client.browser().scrollsSideways()) {
            problems.add(page + ": scrolls sideways at 360 px");
        }
        PageChecks.accessibilityViolations(client).forEach(found -> problems.add(page + ": " + found));
        PageChecks.untranslated(client, TEXTS.computeIfAbsent(language.code(), PageChecks::translations))
                .forEach(text -> problems.add(page + ": untranslated '" + text + "'"));
        if (!language.code().equals("nl")) {
            PageChecks.inDutch(client, TEXTS.computeIfAbsent("nl", PageChecks::translations))
                    .forEach(text -> problems.add(page + ": in Dutch '" + text + "'"));
        }
        client.driver().manage().window().setSize(DESKTOP);
        PageChecks.accessibilityViolations(client).forEach(found -> problems.add(page + " at 1280 px: " + found));
        if (client.browser().scrollsSideways()) {
            problems.add(page + ": scrolls sideways at 1280 px");
        }
        client.driver().manage().window().setSize(PHONE);
    }

    private static String proposal(Api investigator, String path, String membership, String start, String end) {
        return ok(investigator.post(path + "/interview-proposals",
                                    "{\"slots\":[{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}],"
                                    + "\"mode\":\"PHONE\",\"place\":\"070 123 45 67\",\"memberIds\":[\"" + membership
                                    + "\"]}")).json().path("id").asText();
    }

    private static Reply ok(Reply reply) {
        if (reply.status() >= 300) {
            throw new AssertionError(reply.toString());
        }
        return reply;
    }
}
