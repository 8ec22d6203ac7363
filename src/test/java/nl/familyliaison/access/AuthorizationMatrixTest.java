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

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.MessageFixture;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every registered API route × every role × own/other object, against the expectation written down here. The
 * routes come from the running service, so a route added without a row makes this test fail. Two more callers are
 * members too: a second member of the own case, who must not reach what was shared with the first member only, and a
 * member whose membership of the own case ended, who must not reach that case at all; neither may find any of it in
 * an answer.
 */
class AuthorizationMatrixTest {

    /** Who calls. */
    enum Who { ANONYMOUS, MEMBER, FAMILY_INSPECTOR, INVESTIGATOR, ADMIN, SECOND_MEMBER, ENDED_MEMBER }

    /** The callers each row states; the two other members follow from what the member gets (see {@link Scope}). */
    private static final List<Who> STATED = List.of(Who.ANONYMOUS, Who.MEMBER, Who.FAMILY_INSPECTOR, Who.INVESTIGATOR,
                                                    Who.ADMIN);

    /** What a row reaches, which decides what the second and the ended member get there. */
    enum Scope {
        /** Not of one case: both get what the member gets. */
        NO_CASE,
        /** The own case, or an item of it for all its members: the ended member no longer reaches it. */
        OWN_CASE,
        /** An item shared with the member only (or a case only the member is in): neither reaches it. */
        MEMBER_ONLY
    }

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
    private static IdentityProvider provider;
    private static People people;
    private static final Map<Who, People.Staff> STAFF = new EnumMap<>(Who.class);
    private static String memberEmail;
    /** The callers' own case (the matrix's family inspector, investigator and member are on it) and another one. */
    private static String own;
    private static String other;
    private static String ownUpdate;
    private static String otherUpdate;
    private static Api ownInspector;
    private static MessageFixture.Ids ownThread;
    private static MessageFixture.Ids otherThread;
    private static Scheduled ownSchedule;
    private static Scheduled otherSchedule;
    private static String ownMember;
    private static String ownBriefing;
    private static String secondMemberEmail;
    private static String endedMemberEmail;
    /** Items of the own case shared with the member only. */
    private static String chosenUpdate;
    private static String chosenThread;
    private static String chosenFile;
    private static String briefingFile;
    /** What the second and the ended member must never find in an answer. */
    private static final Set<String> MEMBER_ONLY_TRACES = new java.util.HashSet<>();
    private static final String MEMBER_ONLY_TEXT = "ALLEEN-VOOR-HET-EERSTE-LID";
    /** Two administrators apart from the matrix's own: they set the own case's staff, and ask for things to decide. */
    private static Admins approvals;
    private static String feedbackId;
    /** Representatives of the member (both scopes) and a substitute for the own case's family inspector. */
    private static StandingRows standing;
    /** When the rows began: the second member's access log must show nothing member-only from then on. */
    private static java.time.Instant rowsFrom;

    /** An open interview proposal and a confirmed appointment of one case. */
    record Scheduled(String proposalId, String appointmentId) {

        static Scheduled on(Api staff, String caseId, String memberId, String day) {
            String slots = "{\"start\":\"" + day + "T09:00:00Z\",\"end\":\"" + day + "T10:00:00Z\"}";
            String body = "{\"slots\":[" + slots + "],\"mode\":\"PHONE\",\"memberIds\":[\"" + memberId + "\"]}";
            String path = "/api/cases/" + caseId + "/interview-proposals";
            String open = staff.post(path, body).json().path("id").asText();
            JsonNode toConfirm = staff.post(path, body.replace("T09:", "T11:").replace("T10:", "T12:")).json();
            String appointment = staff.post("/api/interview-proposals/" + toConfirm.path("id").asText()
                                            + "/confirmation", "{\"slotId\":\""
                                                               + toConfirm.path("slots").get(0).path("id").asText()
                                                               + "\"}").json().path("id").asText();
            return new Scheduled(open, appointment);
        }
    }

    @BeforeAll
    static void start() {
        provider = IdentityProvider.start();
        service = provider.configure(TestService.builder()).start();
        people = new People(service);
        memberEmail = "matrix-member@example.org";
        people.member(memberEmail);
        STAFF.put(Who.FAMILY_INSPECTOR, people.staff(Role.FAMILY_INSPECTOR, "matrix-fi@inspectie.example"));
        STAFF.put(Who.INVESTIGATOR, people.staff(Role.INVESTIGATOR, "matrix-inv@inspectie.example"));
        STAFF.put(Who.ADMIN, people.staff(Role.ADMIN, "matrix-admin@inspectie.example"));
        ownInspector = service.api().as(people.signInStaff(STAFF.get(Who.FAMILY_INSPECTOR)));
        own = ownInspector.post("/api/cases", newCase("M-OWN")).json().path("id").asText();
        approvals = Admins.create(service, "matrix");
        approvals.assignStaff(own, STAFF.get(Who.FAMILY_INSPECTOR).account().id(),
                                                     List.of(STAFF.get(Who.INVESTIGATOR).account().id()));
        String ownMembership = ownInspector.post("/api/cases/" + own + "/members", invite(memberEmail)).json()
                .path("id").asText();
        ownUpdate = ownInspector.post("/api/cases/" + own + "/updates", "{\"text\":\"Voor iedereen.\"}").json()
                .path("id").asText();
        Api otherInspector = service.api().as(people.signInStaff(
                people.staff(Role.FAMILY_INSPECTOR, "matrix-fi-other@inspectie.example")));
        other = otherInspector.post("/api/cases", newCase("M-OTHER")).json().path("id").asText();
        String otherMembership = otherInspector.post("/api/cases/" + other + "/members",
                                                     invite("matrix-other-member@example.org")).json()
                .path("id").asText();
        ownSchedule = Scheduled.on(ownInspector, own, ownMembership, "2026-04-01");
        ownMember = ownMembership;
        String report = ownInspector.send("POST", "/api/cases/" + own + "/attachments", "application/pdf",
                                          "%PDF-1.7\n%%EOF\n".getBytes(), "X-File-Name", "r.pdf").json()
                .path("id").asText();
        ownBriefing = ownInspector.post("/api/cases/" + own + "/briefings", "{\"attachmentId\":\"" + report
                                                                           + "\",\"memberIds\":[\"" + ownMembership
                                                                           + "\"],\"publicationDate\":\"2026-06-01\","
                                                                           + "\"remarksUntil\":\"2026-05-01T00:00:00Z\"}")
                .json().path("id").asText();
        briefingFile = report;
        otherSchedule = Scheduled.on(otherInspector, other, otherMembership, "2026-04-02");
        otherUpdate = otherInspector.post("/api/cases/" + other + "/updates", "{\"text\":\"Ander dossier.\"}")
                .json().path("id").asText();
        ownThread = MessageFixture.threadWithFile(service, "MATRIX-1", STAFF.get(Who.FAMILY_INSPECTOR),
                                                  STAFF.get(Who.INVESTIGATOR), memberEmail);
        otherThread = MessageFixture.threadWithFile(
                service, "MATRIX-2", people.staff(Role.FAMILY_INSPECTOR, "matrix-fi2@inspectie.example"),
                people.staff(Role.INVESTIGATOR, "matrix-inv2@inspectie.example"),
                "matrix-other-case@example.org");
        String secondMembership = shareWithTheMemberOnly(ownMembership);
        String secondMemberThread = ownInspector.post("/api/cases/" + own + "/threads", "{\"text\":\"Ander lid\","
                                                      + "\"memberIds\":[\"" + secondMembership + "\"]}")
                .json().path("thread").path("id").asText();
        standing = StandingRows.setUp(service, people, ownInspector, new StandingRows.Fixture(
                own, other, ownMembership, chosenUpdate, chosenThread, chosenFile, ownBriefing,
                ownSchedule.proposalId(), secondMemberThread));
    }

    /** A second member and an ended one on the own case, and one item of each kind for the member only. */
    private static String shareWithTheMemberOnly(String ownMembership) {
        secondMemberEmail = "matrix-second@example.org";
        endedMemberEmail = "matrix-ended@example.org";
        String base = "/api/cases/" + own;
        Api ownInspector = service.api().as(people.signInStaff(STAFF.get(Who.FAMILY_INSPECTOR)));
        String second = ownInspector.post(base + "/members", invite(secondMemberEmail)).json().path("id").asText();
        String ended = ownInspector.post(base + "/members", invite(endedMemberEmail)).json().path("id").asText();
        service.api().as(people.signInMember(endedMemberEmail));
        assertEquals(204, ownInspector.delete(base + "/members/" + ended).status());
        chosenUpdate = ownInspector.post(base + "/updates", "{\"text\":\"" + MEMBER_ONLY_TEXT + "\",\"visibleTo\":[\""
                                                            + ownMembership + "\"]}").json().path("id").asText();
        chosenFile = ownInspector.send("POST", base + "/attachments", "application/pdf",
                                       "%PDF-1.7\n%%EOF\n".getBytes(), "X-File-Name", "alleen.pdf").json()
                .path("id").asText();
        chosenThread = ownInspector.post(base + "/threads", "{\"text\":\"" + MEMBER_ONLY_TEXT + "\",\"memberIds\":[\""
                                                            + ownMembership + "\"],\"attachmentIds\":[\"" + chosenFile
                                                            + "\"]}").json().path("thread").path("id").asText();
        MEMBER_ONLY_TRACES.addAll(List.of(MEMBER_ONLY_TEXT, chosenUpdate, chosenThread, chosenFile, briefingFile,
                                          ownBriefing, ownSchedule.proposalId(), ownSchedule.appointmentId(),
                                          ownThread.threadId(), ownThread.attachmentId()));
        return second;
    }

    private static String newCase(String reference) {
        return "{\"reference\":\"" + reference + "\",\"title\":\"Matrix\",\"incidentDate\":\"2026-01-01\"}";
    }

    private static String invite(String email) {
        return "{\"email\":\"" + email + "\",\"displayName\":\"Matrix\",\"relation\":\"PARENT\"}";
    }

    /** A member of the own case who may be removed (one per call). */
    private static String disposableMember() {
        // A fresh session: the clock moves on with every staff sign-in, so an old one may have gone idle.
        Api inspector = service.api().as(people.signInStaff(STAFF.get(Who.FAMILY_INSPECTOR)));
        return inspector.post("/api/cases/" + own + "/members",
                                 invite("matrix-" + System.nanoTime() + "@example.org")).json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        service.close();
        provider.close();
    }

    /** One row: a route, a request to make as a given caller, and what each caller must get. */
    record Row(String route, Function<Api, Reply> request, Map<Who, Expect> expected) {

        /** The same row with what the second and the ended member get, from what the member gets and the scope. */
        Row reaching(Scope scope) {
            Map<Who, Expect> all = new EnumMap<>(expected);
            Expect member = expected.get(Who.MEMBER);
            Expect unreachable = member == Expect.ALLOWED ? Expect.HIDDEN : member;
            all.put(Who.SECOND_MEMBER, scope == Scope.MEMBER_ONLY ? unreachable : member);
            all.put(Who.ENDED_MEMBER, scope == Scope.NO_CASE ? member : unreachable);
            return new Row(route, request, all);
        }
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("GET /api/phases", api -> api.get("/api/phases"), everyone(Expect.ALLOWED)));
        rows.add(row("GET /api/languages", api -> api.get("/api/languages"), everyone(Expect.ALLOWED)));
        for (String path : List.of("/api/sign-in/code-requests", "/api/sign-in/code-checks", "/api/sign-in/staff",
                                   "/api/staff-enrolments/password", "/api/staff-enrolments/qr-code",
                                   "/api/staff-enrolments/confirmation")) {
            rows.add(row("POST " + path, api -> api.post(path, "{}"), everyone(Expect.ALLOWED)));
        }
        for (String path : List.of("/api/sign-in/passkey-options", "/api/sign-in/passkey")) {
            rows.add(row("POST " + path, api -> api.post(path, "{}"), everyone(Expect.ALLOWED)));
        }
        providerRows(rows);
        rows.add(row("GET /api/session", api -> api.get("/api/session"), signedIn()));
        rows.add(row("DELETE /api/session", api -> api.delete("/api/session"), signedIn()));
        rows.add(row("GET /api/sessions", api -> api.get("/api/sessions"), signedIn()));
        rows.add(row("DELETE /api/sessions/{sessionId}", api -> api.delete("/api/sessions/" + ownSessionId(api)),
                     signedIn()));
        rows.add(row("DELETE /api/sessions/{sessionId} (someone else's)",
                     api -> api.delete("/api/sessions/" + someoneElsesSessionId()), hiddenForAllSignedIn()));
        passkeyRows(rows);
        rows.add(row("GET /api/staff", api -> api.get("/api/staff"), only(Who.ADMIN)));
        rows.add(row("POST /api/staff", api -> api.post("/api/staff", "{}"), only(Who.ADMIN)));
        for (String decision : List.of("approval", "rejection")) {
            rows.add(row("POST /api/approval-requests/{requestId}/" + decision,
                         api -> api.post("/api/approval-requests/" + requestOfAnotherAdmin() + "/" + decision, "{}"),
                         only(Who.ADMIN)));
            rows.add(row("POST /api/approval-requests/{requestId}/" + decision + " (no such request)",
                         api -> api.post("/api/approval-requests/" + java.util.UUID.randomUUID() + "/" + decision,
                                         "{}"), hiddenForAllSignedIn()));
        }
        rows.add(row("GET /api/approval-requests", api -> api.get("/api/approval-requests"), only(Who.ADMIN)));
        rows.add(row("POST /api/staff/{accountId}/disable",
                     api -> api.post("/api/staff/" + freshStaffId() + "/disable", "{}"), only(Who.ADMIN)));
        rows.add(row("POST /api/staff/{accountId}/disable (a member's account)",
                     api -> api.post("/api/staff/" + memberId() + "/disable", "{}"), hiddenForAllSignedIn()));
        for (String action : List.of("enable", "enrolment-link")) {
            rows.add(row("POST /api/staff/{accountId}/" + action,
                         api -> api.post("/api/staff/" + freshStaffId() + "/" + action, "{}"), only(Who.ADMIN)));
            rows.add(row("POST /api/staff/{accountId}/" + action + " (a member's account)",
                         api -> api.post("/api/staff/" + memberId() + "/" + action, "{}"), hiddenForAllSignedIn()));
        }
        caseRows(rows);
        rows.add(row("GET /api/audit/verification", api -> api.get("/api/audit/verification"), only(Who.ADMIN)));
        rows.add(row("GET /api/access-log", api -> api.get("/api/access-log"), only(Who.MEMBER)));
        rows.addAll(messageRows(ownThread, "", only(Who.MEMBER, Who.FAMILY_INSPECTOR), Scope.MEMBER_ONLY,
                                Scope.MEMBER_ONLY));
        rows.addAll(messageRows(new MessageFixture.Ids(own, chosenThread, chosenFile), " (shared with the member only)",
                                only(Who.MEMBER, Who.FAMILY_INSPECTOR), Scope.OWN_CASE, Scope.MEMBER_ONLY));
        rows.add(row("GET /api/cases/{caseId}/attachments/{attachmentId} (a briefing's file)",
                     api -> api.get("/api/cases/" + own + "/attachments/" + briefingFile), only(Who.FAMILY_INSPECTOR),
                     Scope.MEMBER_ONLY));
        rows.addAll(messageRows(otherThread, " (another case)", hiddenForAllSignedIn(), Scope.NO_CASE,
                                Scope.NO_CASE));
        rows.addAll(ofTheOwnCase(scheduleRows(own, ownSchedule, "")));
        rows.addAll(scheduleRows(other, otherSchedule, " (another case)"));
        rows.add(row("GET /api/appointments", api -> api.get("/api/appointments"), signedIn()));
        rows.add(row("GET /api/agenda", api -> api.get("/api/agenda"), only(Who.FAMILY_INSPECTOR, Who.INVESTIGATOR)));
        rows.addAll(ofTheOwnCase(briefingRows(own, ownBriefing, "")));
        rows.addAll(briefingRows(other, java.util.UUID.randomUUID().toString(), " (another case)"));
        rows.add(row("GET /api/export", api -> api.get("/api/export"), only(Who.MEMBER)));
        rows.add(row("POST /api/removal-requests", api -> api.post("/api/removal-requests", "{}"), only(Who.MEMBER)));
        rows.add(row("GET /api/removal-requests", api -> api.get("/api/removal-requests"),
                     only(Who.MEMBER, Who.FAMILY_INSPECTOR)));
        rows.add(row("POST /api/removal-requests/{requestId}/confirmation (no such request)",
                     api -> api.post("/api/removal-requests/" + java.util.UUID.randomUUID() + "/confirmation", "{}"),
                     hiddenForAllSignedIn()));
        rows.add(row("POST /api/feedback", api -> api.post("/api/feedback", "{}"), only(Who.MEMBER)));
        rows.add(row("GET /api/feedback", api -> api.get("/api/feedback"), only(Who.ADMIN)));
        rows.add(row("GET /api/retention/preview", api -> api.get("/api/retention/preview"), only(Who.ADMIN)));
        adminConsoleRows(rows);
        coverRows(rows);
        return rows;
    }

    /**
     * Rows of the own case: those of the case reach the second member too; those of one briefing, proposal or
     * appointment (all shared with the member only) do not.
     */
    private static List<Row> ofTheOwnCase(List<Row> rows) {
        return rows.stream().map(row -> row.reaching(
                row.route().matches(".*\\{(briefingId|proposalId|appointmentId)}.*") ? Scope.MEMBER_ONLY
                                                                                   : Scope.OWN_CASE)).toList();
    }

    /** Briefings: the case's family inspector shares and publishes; the chosen member reads, opens and remarks. */
    private static List<Row> briefingRows(String caseId, String briefingId, String note) {
        boolean ownCase = note.isEmpty();
        Map<Who, Expect> reading = ownCase ? only(Who.MEMBER, Who.FAMILY_INSPECTOR) : hiddenForAllSignedIn();
        Map<Who, Expect> briefing = ownCase ? only(Who.FAMILY_INSPECTOR) : hiddenForAllSignedIn();
        Map<Who, Expect> chosen = ownCase ? only(Who.MEMBER) : hiddenForAllSignedIn();
        String all = "/api/cases/" + caseId + "/briefings";
        String one = all + "/" + briefingId;
        String prefix = "/api/cases/{caseId}/briefings";
        return List.of(
                row("POST /api/cases/{caseId}/closing" + note,
                    api -> api.post("/api/cases/" + caseId + "/closing", "{}"), briefing),
                row("POST " + prefix + note, api -> api.post(all, "{}"), briefing),
                row("GET " + prefix + note, api -> api.get(all),
                    ownCase ? only(Who.MEMBER, Who.FAMILY_INSPECTOR) : hiddenForAllSignedIn()),
                row("GET " + prefix + "/{briefingId}" + note, api -> api.get(one), reading),
                row("POST " + prefix + "/{briefingId}/opening" + note, api -> api.post(one + "/opening", "{}"),
                    chosen),
                row("GET " + prefix + "/{briefingId}/document" + note, api -> api.get(one + "/document"), reading),
                row("POST " + prefix + "/{briefingId}/meeting-request" + note,
                    api -> api.post(one + "/meeting-request", "{}"), chosen),
                row("PUT " + prefix + "/{briefingId}/meetings/{memberId}" + note,
                    api -> api.send("PUT", one + "/meetings/" + ownMember, "application/json",
                                    "{}".getBytes()), briefing),
                row("POST " + prefix + "/{briefingId}/remarks" + note, api -> api.post(one + "/remarks", "{}"),
                    chosen),
                row("POST " + prefix + "/{briefingId}/publication" + note,
                    api -> api.post(one + "/publication", "{}"), briefing));
    }

    /** Interviews: staff of the case schedule, its members answer and ask; everyone reads what is theirs. */
    private static List<Row> scheduleRows(String caseId, Scheduled scheduled, String note) {
        boolean ownCase = note.isEmpty();
        Map<Who, Expect> reading = ownCase ? only(Who.MEMBER, Who.FAMILY_INSPECTOR, Who.INVESTIGATOR)
                                           : hiddenForAllSignedIn();
        Map<Who, Expect> scheduling = ownCase ? only(Who.FAMILY_INSPECTOR, Who.INVESTIGATOR) : hiddenForAllSignedIn();
        Map<Who, Expect> answering = ownCase ? only(Who.MEMBER) : hiddenForAllSignedIn();
        String proposals = "/api/cases/" + caseId + "/interview-proposals";
        String proposal = "/api/interview-proposals/" + scheduled.proposalId();
        String appointment = "/api/appointments/" + scheduled.appointmentId();
        return List.of(
                row("GET /api/cases/{caseId}/interview-proposals" + note, api -> api.get(proposals), reading),
                row("POST /api/cases/{caseId}/interview-proposals" + note, api -> api.post(proposals, "{}"),
                    scheduling),
                row("GET /api/interview-proposals/{proposalId}" + note, api -> api.get(proposal), reading),
                row("PUT /api/interview-proposals/{proposalId}/answer" + note,
                    api -> api.send("PUT", proposal + "/answer", "application/json", "{}".getBytes()), answering),
                row("POST /api/interview-proposals/{proposalId}/confirmation" + note,
                    api -> api.post(proposal + "/confirmation", "{}"), scheduling),
                row("POST /api/interview-proposals/{proposalId}/withdrawal" + note,
                    api -> api.post(proposal + "/withdrawal", "{}"), scheduling),
                row("GET /api/cases/{caseId}/appointments" + note,
                    api -> api.get("/api/cases/" + caseId + "/appointments"), reading),
                row("GET /api/appointments/{appointmentId}" + note, api -> api.get(appointment), reading),
                row("POST /api/appointments/{appointmentId}/reschedule" + note,
                    api -> api.post(appointment + "/reschedule", "{}"), scheduling),
                row("POST /api/appointments/{appointmentId}/cancellation" + note,
                    api -> api.post(appointment + "/cancellation", "{}"), scheduling),
                row("POST /api/appointments/{appointmentId}/change-requests" + note,
                    api -> api.post(appointment + "/change-requests", "{}"), answering),
                row("GET /api/appointments/{appointmentId}/calendar.ics" + note,
                    api -> api.get(appointment + "/calendar.ics"), reading),
                row("GET /api/cases/{caseId}/busy" + note,
                    api -> api.get("/api/cases/" + caseId + "/busy"), scheduling),
                row("PUT /api/appointments/{appointmentId}/outcome" + note,
                    api -> api.send("PUT", appointment + "/outcome", "application/json", "{}".getBytes()),
                    scheduling));
    }

    /**
     * Absence cover and overdue promises: for family inspectors and administrators (who ask for a cover with four
     * eyes), the console for administrators.
     */
    private static void coverRows(List<Row> rows) {
        Map<Who, Expect> staffInCharge = only(Who.FAMILY_INSPECTOR, Who.ADMIN);
        rows.add(row("GET /api/absence-covers", api -> api.get("/api/absence-covers"), staffInCharge));
        rows.add(row("POST /api/absence-covers", api -> api.post("/api/absence-covers", "{}"),
                     only(Who.FAMILY_INSPECTOR)));
        rows.add(row("POST /api/absence-covers/requests (four eyes)",
                     api -> api.post("/api/absence-covers/requests", "{}"), only(Who.ADMIN)));
        rows.add(row("GET /api/absence-covers/substitutes", api -> api.get("/api/absence-covers/substitutes"),
                     staffInCharge));
        rows.add(row("DELETE /api/absence-covers/{coverId} (no such cover)",
                     api -> api.delete("/api/absence-covers/" + java.util.UUID.randomUUID()), hiddenForAllSignedIn()));
        rows.add(row("GET /api/overdue-promises", api -> api.get("/api/overdue-promises"), only(Who.ADMIN)));
        twoCases(rows, "PUT /api/cases/{caseId}/members/{memberId}/representation",
                 id -> api -> api.send("PUT", "/api/cases/" + id + "/members/" + ownMember + "/representation",
                                       "application/json", "{}".getBytes()), only(Who.FAMILY_INSPECTOR),
                 hiddenForAllSignedIn());
    }

    @Test
    void representativesAndSubstitutesGetWhatTheirStandingAllows() {
        List<String> wrong = standing.wrong();
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong));
        }
    }

    private static void caseRows(List<Row> rows) {
        rows.add(row("POST /api/cases", api -> api.post("/api/cases", "{}"), only(Who.FAMILY_INSPECTOR, Who.ADMIN)));
        rows.add(row("GET /api/cases", api -> api.get("/api/cases"), signedIn()));
        Map<Who, Expect> caseMetadata = only(Who.MEMBER, Who.FAMILY_INSPECTOR, Who.INVESTIGATOR, Who.ADMIN);
        Map<Who, Expect> content = only(Who.MEMBER, Who.FAMILY_INSPECTOR, Who.INVESTIGATOR);
        Map<Who, Expect> inspector = only(Who.FAMILY_INSPECTOR);
        twoCases(rows, "GET /api/cases/{caseId}", id -> api -> api.get("/api/cases/" + id), caseMetadata,
                 only(Who.ADMIN));
        twoCases(rows, "PUT /api/cases/{caseId}/staff",
                 id -> api -> api.send("PUT", "/api/cases/" + id + "/staff", "application/json", "{}".getBytes()),
                 only(Who.ADMIN), only(Who.ADMIN));
        for (String part : List.of("phase", "next-update")) {
            twoCases(rows, "PUT /api/cases/{caseId}/" + part,
                     id -> api -> api.send("PUT", "/api/cases/" + id + "/" + part, "application/json",
                                           "{}".getBytes()), inspector, hiddenForAllSignedIn());
        }
        twoCases(rows, "GET /api/cases/{caseId}/members", id -> api -> api.get("/api/cases/" + id + "/members"),
                 only(Who.FAMILY_INSPECTOR, Who.INVESTIGATOR), hiddenForAllSignedIn());
        twoCases(rows, "POST /api/cases/{caseId}/members", id -> api -> api.post("/api/cases/" + id + "/members", "{}"),
                 inspector, hiddenForAllSignedIn());
        rows.add(row("DELETE /api/cases/{caseId}/members/{memberId}",
                     api -> api.delete("/api/cases/" + own + "/members/" + disposableMember()), inspector,
                     Scope.OWN_CASE));
        memberRows(rows, inspector);
        twoCases(rows, "GET /api/cases/{caseId}/notes", id -> api -> api.get("/api/cases/" + id + "/notes"),
                 only(Who.FAMILY_INSPECTOR, Who.INVESTIGATOR), hiddenForAllSignedIn());
        twoCases(rows, "POST /api/cases/{caseId}/notes",
                 id -> api -> api.post("/api/cases/" + id + "/notes", "{\"text\":\"Afgesproken: bellen.\"}"),
                 only(Who.FAMILY_INSPECTOR, Who.INVESTIGATOR), hiddenForAllSignedIn());
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/withdrawal",
                     api -> api.post("/api/cases/" + own + "/updates/" + disposableUpdate() + "/withdrawal", "{}"),
                     inspector, Scope.OWN_CASE));
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/withdrawal (in another case)",
                     api -> api.post("/api/cases/" + other + "/updates/" + otherUpdate + "/withdrawal", "{}"),
                     hiddenForAllSignedIn()));
        twoCases(rows, "GET /api/cases/{caseId}/timeline", id -> api -> api.get("/api/cases/" + id + "/timeline"),
                 content, hiddenForAllSignedIn());
        twoCases(rows, "POST /api/cases/{caseId}/updates", id -> api -> api.post("/api/cases/" + id + "/updates", "{}"),
                 inspector, hiddenForAllSignedIn());
        rows.add(row("GET /api/cases/{caseId}/updates/{updateId}",
                     api -> api.get("/api/cases/" + own + "/updates/" + ownUpdate), content, Scope.OWN_CASE));
        rows.add(row("GET /api/cases/{caseId}/updates/{updateId} (shared with the member only)",
                     api -> api.get("/api/cases/" + own + "/updates/" + chosenUpdate), content, Scope.MEMBER_ONLY));
        rows.add(row("GET /api/cases/{caseId}/updates/{updateId} (another case's update)",
                     api -> api.get("/api/cases/" + own + "/updates/" + otherUpdate), hiddenForAllSignedIn()));
        rows.add(row("GET /api/cases/{caseId}/updates/{updateId} (in another case)",
                     api -> api.get("/api/cases/" + other + "/updates/" + otherUpdate), hiddenForAllSignedIn()));
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/corrections",
                     api -> api.post("/api/cases/" + own + "/updates/" + ownUpdate + "/corrections", "{}"), inspector,
                     Scope.OWN_CASE));
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/corrections (in another case)",
                     api -> api.post("/api/cases/" + other + "/updates/" + otherUpdate + "/corrections", "{}"),
                     hiddenForAllSignedIn()));
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/read",
                     api -> api.post("/api/cases/" + own + "/updates/" + ownUpdate + "/read", "{}"), only(Who.MEMBER),
                     Scope.OWN_CASE));
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/read (shared with the member only)",
                     api -> api.post("/api/cases/" + own + "/updates/" + chosenUpdate + "/read", "{}"),
                     only(Who.MEMBER), Scope.MEMBER_ONLY));
        rows.add(row("POST /api/cases/{caseId}/updates/{updateId}/read (in another case)",
                     api -> api.post("/api/cases/" + other + "/updates/" + otherUpdate + "/read", "{}"),
                     hiddenForAllSignedIn()));
        twoCases(rows, "GET /api/cases/{caseId}/contacts", id -> api -> api.get("/api/cases/" + id + "/contacts"),
                 content, hiddenForAllSignedIn());
        rows.add(row("GET /api/preferences", api -> api.get("/api/preferences"), signedIn()));
        rows.add(row("PUT /api/preferences",
                     api -> api.send("PUT", "/api/preferences", "application/json", "{}".getBytes()), signedIn()));
        rows.add(row("GET /api/dashboard", api -> api.get("/api/dashboard"),
                     only(Who.FAMILY_INSPECTOR, Who.INVESTIGATOR)));
    }

    /** Signing in with a provider: public, but linking DigiD is for a signed-in member. */
    private static void providerRows(List<Row> rows) {
        rows.add(row("GET /api/sign-in/methods", api -> api.get("/api/sign-in/methods"), everyone(Expect.ALLOWED)));
        for (String path : List.of("/api/sign-in/oidc/returns", "/api/sign-in/oidc/second-factor")) {
            rows.add(row("POST " + path, api -> api.post(path, "{}"), everyone(Expect.ALLOWED)));
        }
        rows.add(row("POST /api/sign-in/oidc/{provider}",
                     api -> api.post("/api/sign-in/oidc/digid", "{\"purpose\":\"sign-in\"}"),
                     everyone(Expect.ALLOWED)));
        Map<Who, Expect> linking = only(Who.MEMBER);
        rows.add(row("POST /api/sign-in/oidc/{provider} (linking DigiD)",
                     api -> api.post("/api/sign-in/oidc/digid", "{\"purpose\":\"link\"}"), linking));
        rows.add(row("DELETE /api/session/oidc", api -> api.delete("/api/session/oidc"), signedIn()));
    }

    /** Changing a membership: the case's family inspector only (a member's own membership included). */
    private static void memberRows(List<Row> rows, Map<Who, Expect> inspector) {
        twoCases(rows, "PUT /api/cases/{caseId}/members/{memberId}",
                 id -> api -> api.send("PUT", "/api/cases/" + id + "/members/" + ownMember, "application/json",
                                       "{}".getBytes()), inspector, hiddenForAllSignedIn());
        twoCases(rows, "PUT /api/cases/{caseId}/members/{memberId}/email",
                 id -> api -> api.send("PUT", "/api/cases/" + id + "/members/" + ownMember + "/email",
                                       "application/json", "{}".getBytes()), inspector, hiddenForAllSignedIn());
        twoCases(rows, "GET /api/cases/{caseId}/members/{memberId}/digid-link",
                 id -> api -> api.get("/api/cases/" + id + "/members/" + ownMember + "/digid-link"), inspector,
                 hiddenForAllSignedIn());
        twoCases(rows, "DELETE /api/cases/{caseId}/members/{memberId}/digid-link",
                 id -> api -> api.delete("/api/cases/" + id + "/members/" + ownMember + "/digid-link"), inspector,
                 hiddenForAllSignedIn());
        twoCases(rows, "POST /api/cases/{caseId}/members/{memberId}/invitation",
                 id -> api -> api.post("/api/cases/" + id + "/members/" + ownMember + "/invitation", ""),
                 inspector, hiddenForAllSignedIn());
    }

    /** An update of the own case for everyone that may be withdrawn (one per call). */
    private static String disposableUpdate() {
        Api inspector = service.api().as(people.signInStaff(STAFF.get(Who.FAMILY_INSPECTOR)));
        return inspector.post("/api/cases/" + own + "/updates", "{\"text\":\"Even.\"}").json().path("id").asText();
    }

    /** The same route on the callers' own case and on another case. */
    private static void twoCases(List<Row> rows, String route, Function<String, Function<Api, Reply>> request,
                                 Map<Who, Expect> onOwn, Map<Who, Expect> onOther) {
        rows.add(row(route, api -> request.apply(own).apply(api), onOwn, Scope.OWN_CASE));
        rows.add(row(route + " (another case)", api -> request.apply(other).apply(api), onOther));
    }

    /** Messages: for the case's members and family inspector; never investigators or administrators. */
    private static List<Row> messageRows(MessageFixture.Ids ids, String note, Map<Who, Expect> expected,
                                         Scope caseScope, Scope itemScope) {
        String threads = "/api/cases/" + ids.caseId() + "/threads";
        String thread = threads + "/" + ids.threadId();
        String files = "/api/cases/" + ids.caseId() + "/attachments";
        return List.of(
                row("GET /api/cases/{caseId}/threads" + note, api -> api.get(threads), expected, caseScope),
                row("POST /api/cases/{caseId}/threads" + note, api -> api.post(threads, "{}"), expected, caseScope),
                row("GET /api/cases/{caseId}/threads/{threadId}/messages" + note,
                    api -> api.get(thread + "/messages"), expected, itemScope),
                row("POST /api/cases/{caseId}/threads/{threadId}/messages" + note,
                    api -> api.post(thread + "/messages", "{}"), expected, itemScope),
                row("POST /api/cases/{caseId}/threads/{threadId}/read" + note,
                    api -> api.post(thread + "/read", "{}"), expected, itemScope),
                row("POST /api/cases/{caseId}/attachments" + note, api -> api.post(files, "{}"), expected,
                    caseScope),
                row("GET /api/cases/{caseId}/attachments/{attachmentId}" + note,
                    api -> api.get(files + "/" + ids.attachmentId()), expected, itemScope));
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
        Map<Who, Api> sessions = new EnumMap<>(Who.class);
        List<Row> rows = rows();
        rowsFrom = service.clock().instant();
        for (Row row : rows) {
            for (Who who : Who.values()) {
                // One session per caller, signed in once (staff sign-in hashes a password and moves the clock);
                // a fresh one for the rows that end the caller's own session. "The caller's newest session" may
                // also be the kept one (last-seen is written coarsely), so after such a row the kept one is renewed.
                boolean endsSessions = row.route().startsWith("DELETE /api/session");
                Api caller = endsSessions ? as(who) : sessions.computeIfAbsent(who, AuthorizationMatrixTest::as);
                Reply reply = row.request().apply(caller);
                if (endsSessions) {
                    sessions.remove(who);
                }
                Expect got = outcome(reply);
                leaks(row.route(), who, reply).ifPresent(trace -> wrong.add(
                        row.route() + " as " + who + ": the answer holds " + trace + " (" + reply + ")"));
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

    /**
     * What the second or the ended member finds in a successful answer that is not for them. In their access log:
     * for the ended member nothing of the own case (the only one they were on), for the second member no trace of the
     * threads, files, interviews and briefings of the own case (all of them shared with the member only) from what the
     * rows did, but for the substitute reading the second member's own thread.
     */
    private static java.util.Optional<String> leaks(String route, Who who, Reply reply) {
        if (reply.status() >= 300 || reply.body() == null
            || (who != Who.SECOND_MEMBER && who != Who.ENDED_MEMBER)) {
            return java.util.Optional.empty();
        }
        if (route.equals("GET /api/access-log")) {
            Set<String> memberOnly = Set.of("message-thread", "message", "attachment", "interview-proposal",
                                            "appointment", "briefing");
            for (JsonNode entry : reply.json().path("entries")) {
                // The set-up gives the second member a thread of their own, which the substitute reads in a standing
                // row; nothing else the rows do may leave a member-only trace.
                boolean theirs = java.time.Instant.parse(entry.path("at").asText()).isBefore(rowsFrom)
                                 || entry.path("who").asText().equals("Staff matrix-substitute");
                if (who == Who.ENDED_MEMBER || !theirs && memberOnly.contains(entry.path("objectType").asText())) {
                    return java.util.Optional.of("the access log entry " + entry);
                }
            }
        }
        Set<String> traces = new java.util.HashSet<>(MEMBER_ONLY_TRACES);
        if (who == Who.ENDED_MEMBER) {
            traces.addAll(List.of(own, ownUpdate));
        }
        return traces.stream().filter(reply.body()::contains).findFirst();
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

    /** A freshly signed-in caller. */
    private static Api as(Who who) {
        return switch (who) {
            case ANONYMOUS -> service.api().unchecked();
            case MEMBER -> service.api().unchecked().as(people.signInMember(memberEmail));
            case SECOND_MEMBER -> service.api().unchecked().as(people.signInMember(secondMemberEmail));
            case ENDED_MEMBER -> service.api().unchecked().as(people.signInMember(endedMemberEmail));
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

    /** A staff account asked for by an administrator other than the matrix's own (who may decide on it). */
    /** The administrator's console: only administrators, and of one case only what exists. */
    private static void adminConsoleRows(List<Row> rows) {
        for (String path : List.of("/api/admin/cases", "/api/admin/failed-mails", "/api/admin/figures",
                                   "/api/admin/figures.csv")) {
            rows.add(row("GET " + path, api -> api.get(path), only(Who.ADMIN)));
        }
        rows.add(row("GET /api/admin/cases/{caseId}", api -> api.get("/api/admin/cases/" + own), only(Who.ADMIN)));
        rows.add(row("GET /api/admin/cases/{caseId} (no such case)",
                     api -> api.get("/api/admin/cases/" + java.util.UUID.randomUUID()), hiddenForAllSignedIn()));
        rows.add(row("PATCH /api/feedback/{feedbackId}",
                     api -> api.send("PATCH", "/api/feedback/" + feedbackId(), "application/json",
                                     "{\"status\":\"IN_PROGRESS\"}".getBytes()), only(Who.ADMIN)));
        rows.add(row("PATCH /api/feedback/{feedbackId} (no such feedback)",
                     api -> api.send("PATCH", "/api/feedback/" + java.util.UUID.randomUUID(), "application/json",
                                     "{\"status\":\"IN_PROGRESS\"}".getBytes()), hiddenForAllSignedIn()));
    }

    /** Feedback the matrix's member sent (once), by its id as administrators see it. */
    private static String feedbackId() {
        if (feedbackId == null) {
            Api member = service.api().as(people.signInMember(memberEmail));
            assertEquals(201, member.post("/api/feedback", "{\"kind\":\"FEEDBACK\",\"about\":\"SERVICE\","
                                                           + "\"text\":\"Matrix\"}").status());
            feedbackId = service.api().as(people.signInStaff(approvals.asking())).get("/api/feedback").json()
                    .path("feedback").get(0).path("id").asText();
        }
        return feedbackId;
    }

    private static String requestOfAnotherAdmin() {
        Api asking = service.api().as(people.signInStaff(approvals.approving()));
        return asking.post("/api/staff", "{\"email\":\"matrix-" + System.nanoTime() + "@inspectie.example\","
                                         + "\"displayName\":\"Matrix\",\"role\":\"INVESTIGATOR\"}")
                .json().path("id").asText();
    }

    private static String freshStaffId() {
        return people.staff(Role.INVESTIGATOR, "matrix-" + System.nanoTime() + "@inspectie.example").account().id();
    }

    private static String memberId() {
        return service.running().features().accounts().byEmail(memberEmail).orElseThrow().id();
    }

    private static Row row(String route, Function<Api, Reply> request, Map<Who, Expect> expected) {
        return row(route, request, expected, Scope.NO_CASE);
    }

    private static Row row(String route, Function<Api, Reply> request, Map<Who, Expect> expected, Scope scope) {
        return new Row(route, request, expected).reaching(scope);
    }

    private static Map<Who, Expect> everyone(Expect expect) {
        Map<Who, Expect> map = new LinkedHashMap<>();
        for (Who who : STATED) {
            map.put(who, expect);
        }
        return map;
    }

    /** Everyone signed in has passkeys of their own; another's passkey does not exist for them. */
    private static void passkeyRows(List<Row> rows) {
        rows.add(row("POST /api/passkeys/registration-options",
                     api -> api.post("/api/passkeys/registration-options", "{}"), signedIn()));
        rows.add(row("POST /api/passkeys", api -> api.post("/api/passkeys", "{}"), signedIn()));
        rows.add(row("GET /api/passkeys", api -> api.get("/api/passkeys"), signedIn()));
        rows.add(row("PATCH /api/passkeys/{passkeyId} (someone else's)",
                     api -> api.send("PATCH", "/api/passkeys/" + someoneElsesPasskeyId(), "application/json",
                                     "{\"name\":\"Van mij\"}".getBytes()), hiddenForAllSignedIn()));
        rows.add(row("DELETE /api/passkeys/{passkeyId} (someone else's)",
                     api -> api.delete("/api/passkeys/" + someoneElsesPasskeyId()), hiddenForAllSignedIn()));
    }

    /** A passkey of an account none of the callers is, written straight into its table. */
    private static String someoneElsesPasskeyId() {
        String email = "matrix-passkey@example.org";
        String accountId = service.running().features().accounts().byEmail(email)
                .orElseGet(() -> people.member(email)).id();
        String id = java.util.UUID.randomUUID().toString();
        try {
            nl.familyliaison.support.Sql.run(service, "INSERT IGNORE INTO passkey_user VALUES ('" + accountId
                                                      + "', RANDOM_BYTES(32), NOW(6))");
            nl.familyliaison.support.Sql.run(service, "INSERT INTO passkey (id, account_id, credential_id,"
                    + " credential_data, sign_count, uv_initialized, backup_eligible, backup_state, transports, name,"
                    + " created_at) VALUES ('" + id + "', '" + accountId + "', RANDOM_BYTES(16), RANDOM_BYTES(80), 0,"
                    + " TRUE, FALSE, FALSE, 'internal', 'Van iemand anders', NOW(6))");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
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
