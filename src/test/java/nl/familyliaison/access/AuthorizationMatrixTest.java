package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.familyliaison.messages.MessageFixture;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every registered API route × every role × own/other object, against the expectation written down here. The
 * routes come from the running service, so a route added without a row makes this test fail.
 */
class AuthorizationMatrixTest {

    /** Who calls. */
    enum Who { ANONYMOUS, MEMBER, FAMILY_INSPECTOR, INVESTIGATOR, ADMIN }

    /** What must happen. */
    enum Expect {
        /** The route does its work (or refuses the input), but not for lack of access. */
        ALLOWED,
        /** 401 sign-in-required. */
        SIGN_IN,
        /** 404 not-found: the route or object does not exist for this caller. */
        HIDDEN
    }

    private static final Set<String> ACCESS_PROBLEMS = Set.of("sign-in-required", "not-found", "forbidden",
                                                              "method-not-allowed");

    private static TestService service;
    private static People people;
    private static final Map<Who, People.Staff> STAFF = new EnumMap<>(Who.class);
    private static String memberEmail;
    private static MessageFixture.Ids ownThread;
    private static MessageFixture.Ids otherThread;

    @BeforeAll
    static void start() {
        service = TestService.start();
        people = new People(service);
        memberEmail = "matrix-member@example.org";
        people.member(memberEmail);
        STAFF.put(Who.FAMILY_INSPECTOR, people.staff(Role.FAMILY_INSPECTOR, "matrix-fi@inspectie.example"));
        STAFF.put(Who.INVESTIGATOR, people.staff(Role.INVESTIGATOR, "matrix-inv@inspectie.example"));
        STAFF.put(Who.ADMIN, people.staff(Role.ADMIN, "matrix-admin@inspectie.example"));
        ownThread = MessageFixture.threadWithFile(service, people, "MATRIX-1",
                                                  STAFF.get(Who.FAMILY_INSPECTOR).account(),
                                                  STAFF.get(Who.INVESTIGATOR).account(), memberEmail);
        otherThread = MessageFixture.threadWithFile(
                service, people, "MATRIX-2", people.staff(Role.FAMILY_INSPECTOR, "matrix-fi2@inspectie.example")
                        .account(), people.staff(Role.INVESTIGATOR, "matrix-inv2@inspectie.example").account(),
                "matrix-other-case@example.org");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** One row: a route, a request to make as a given caller, and what each caller must get. */
    record Row(String route, Function<Api, Reply> request, Map<Who, Expect> expected) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("GET /api/phases", api -> api.get("/api/phases"), everyone(Expect.ALLOWED)));
        for (String path : List.of("/api/sign-in/code-requests", "/api/sign-in/code-checks", "/api/sign-in/staff",
                                   "/api/staff-enrolments/password", "/api/staff-enrolments/confirmation")) {
            rows.add(row("POST " + path, api -> api.post(path, "{}"), everyone(Expect.ALLOWED)));
        }
        rows.add(row("GET /api/session", api -> api.get("/api/session"), signedIn()));
        rows.add(row("DELETE /api/session", api -> api.delete("/api/session"), signedIn()));
        rows.add(row("GET /api/sessions", api -> api.get("/api/sessions"), signedIn()));
        rows.add(row("DELETE /api/sessions/{sessionId}", api -> api.delete("/api/sessions/" + ownSessionId(api)),
                     signedIn()));
        rows.add(row("DELETE /api/sessions/{sessionId} (someone else's)",
                     api -> api.delete("/api/sessions/" + someoneElsesSessionId()), hiddenForAllSignedIn()));
        rows.add(row("GET /api/staff", api -> api.get("/api/staff"), only(Who.ADMIN)));
        rows.add(row("POST /api/staff", api -> api.post("/api/staff", "{}"), only(Who.ADMIN)));
        rows.add(row("POST /api/staff/{accountId}/disable",
                     api -> api.post("/api/staff/" + freshStaffId() + "/disable", "{}"), only(Who.ADMIN)));
        rows.add(row("POST /api/staff/{accountId}/disable (a member's account)",
                     api -> api.post("/api/staff/" + memberId() + "/disable", "{}"), hiddenForAllSignedIn()));
        rows.add(row("GET /api/audit/verification", api -> api.get("/api/audit/verification"), only(Who.ADMIN)));
        rows.add(row("GET /api/access-log", api -> api.get("/api/access-log"), only(Who.MEMBER)));
        rows.addAll(messageRows(ownThread, "", only(Who.MEMBER, Who.FAMILY_INSPECTOR)));
        rows.addAll(messageRows(otherThread, " (another case)", hiddenForAllSignedIn()));
        return rows;
    }

    /** Messages: for the case's members and family inspector; never investigators or administrators. */
    private static List<Row> messageRows(MessageFixture.Ids ids, String note, Map<Who, Expect> expected) {
        String threads = "/api/cases/" + ids.caseId() + "/threads";
        String thread = threads + "/" + ids.threadId();
        String files = "/api/cases/" + ids.caseId() + "/attachments";
        return List.of(
                row("GET /api/cases/{caseId}/threads" + note, api -> api.get(threads), expected),
                row("POST /api/cases/{caseId}/threads" + note, api -> api.post(threads, "{}"), expected),
                row("GET /api/cases/{caseId}/threads/{threadId}/messages" + note,
                    api -> api.get(thread + "/messages"), expected),
                row("POST /api/cases/{caseId}/threads/{threadId}/messages" + note,
                    api -> api.post(thread + "/messages", "{}"), expected),
                row("POST /api/cases/{caseId}/threads/{threadId}/read" + note,
                    api -> api.post(thread + "/read", "{}"), expected),
                row("POST /api/cases/{caseId}/attachments" + note, api -> api.post(files, "{}"), expected),
                row("GET /api/cases/{caseId}/attachments/{attachmentId}" + note,
                    api -> api.get(files + "/" + ids.attachmentId()), expected));
    }

    @Test
    void everyApiRouteHasARow() {
        Set<String> covered = rows().stream().map(row -> row.route().split(" \\(")[0]).collect(Collectors.toSet());
        List<String> missing = service.running().routes().all().stream()
                .filter(route -> route.path().startsWith("/api/"))
                .map(ApiRoutes.Route::toString)
                .filter(route -> !covered.contains(route))
                .toList();
        assertTrue(missing.isEmpty(), "routes without a row in the authorization matrix: " + missing);
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                Reply reply = row.request().apply(as(who));
                Expect got = outcome(reply);
                if (got != row.expected().get(who)) {
                    wrong.add(row.route() + " as " + who + ": expected " + row.expected().get(who) + ", got " + got
                              + " (" + reply + ")");
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong));
        }
    }

    private static Expect outcome(Reply reply) {
        String code = reply.contentType() != null && reply.contentType().startsWith("application/problem+json")
                ? reply.json().path("code").asText() : "";
        if (code.equals("sign-in-required")) {
            assertEquals(401, reply.status());
            return Expect.SIGN_IN;
        }
        if (code.equals("not-found")) {
            return Expect.HIDDEN;
        }
        assertTrue(!ACCESS_PROBLEMS.contains(code), () -> "unexpected access problem: " + reply);
        return Expect.ALLOWED;
    }

    /** A fresh session for every call: some rows end the caller's session. */
    private static Api as(Who who) {
        return switch (who) {
            case ANONYMOUS -> service.api().unchecked();
            case MEMBER -> service.api().unchecked().as(people.signInMember(memberEmail));
            default -> service.api().unchecked().as(people.signInStaff(STAFF.get(who)));
        };
    }

    private static String ownSessionId(Api api) {
        if (api.credentials() == null) {
            return "00000000-0000-4000-8000-000000000000";
        }
        return api.get("/api/sessions").json().path("sessions").path(0).path("id").asText();
    }

    private static String someoneElsesSessionId() {
        if (service.running().features().accounts().byEmail("matrix-other@example.org").isEmpty()) {
            people.member("matrix-other@example.org");
        }
        Api other = service.api().as(people.signInMember("matrix-other@example.org"));
        return other.get("/api/sessions").json().path("sessions").path(0).path("id").asText();
    }

    private static String freshStaffId() {
        return people.staff(Role.INVESTIGATOR, "matrix-" + System.nanoTime() + "@inspectie.example").account().id();
    }

    private static String memberId() {
        return service.running().features().accounts().byEmail(memberEmail).orElseThrow().id();
    }

    private static Row row(String route, Function<Api, Reply> request, Map<Who, Expect> expected) {
        return new Row(route, request, expected);
    }

    private static Map<Who, Expect> everyone(Expect expect) {
        Map<Who, Expect> map = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            map.put(who, expect);
        }
        return map;
    }

    private static Map<Who, Expect> signedIn() {
        Map<Who, Expect> map = everyone(Expect.ALLOWED);
        map.put(Who.ANONYMOUS, Expect.SIGN_IN);
        return map;
    }

    private static Map<Who, Expect> hiddenForAllSignedIn() {
        Map<Who, Expect> map = everyone(Expect.HIDDEN);
        map.put(Who.ANONYMOUS, Expect.SIGN_IN);
        return map;
    }

    private static Map<Who, Expect> only(Who... allowed) {
        Map<Who, Expect> map = hiddenForAllSignedIn();
        for (Who who : allowed) {
            map.put(who, Expect.ALLOWED);
        }
        return map;
    }
}
