package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;

/**
 * The authorization matrix's rows for those who stand to the own case through someone else: a representative of the
 * matrix's member with the FULL scope, one with MESSAGES_AND_INTERVIEWS, and a family inspector standing in for the
 * case's absent family inspector. Each row says what each of them gets; neither representative ever reaches what is
 * shared with another member only.
 */
final class StandingRows {

    enum Standing { FULL_REPRESENTATIVE, NARROW_REPRESENTATIVE, SUBSTITUTE }

    /** What must happen: the work is done (or the input refused), 404, or 403 (seen, but not theirs to do). */
    enum Expect { ALLOWED, HIDDEN, FORBIDDEN }

    record Row(String route, Function<Api, Reply> request, Expect full, Expect narrow, Expect substitute) {
        Expect of(Standing standing) {
            return switch (standing) {
                case FULL_REPRESENTATIVE -> full;
                case NARROW_REPRESENTATIVE -> narrow;
                case SUBSTITUTE -> substitute;
            };
        }
    }

    /** The own case and its items the rows reach. */
    record Fixture(String own, String other, String member, String chosenUpdate, String chosenThread,
                   String chosenFile, String briefing, String proposal, String secondMemberThread) {
    }

    private final TestService service;
    private final Fixture fixture;
    private final Api full;
    private final Api narrow;
    private final Api substitute;

    private StandingRows(TestService service, Fixture fixture, Api full, Api narrow, Api substitute) {
        this.service = service;
        this.fixture = fixture;
        this.full = full;
        this.narrow = narrow;
        this.substitute = substitute;
    }

    /** Invites both representatives of {@code fixture.member()} and names a substitute for {@code inspector}. */
    static StandingRows setUp(TestService service, People people, Api inspector, Fixture fixture) {
        String members = "/api/cases/" + fixture.own() + "/members";
        for (String scope : List.of("FULL", "MESSAGES_AND_INTERVIEWS")) {
            Reply invited = inspector.post(members, "{\"email\":\"matrix-rep-" + scope.toLowerCase() + "@example.org\","
                                                    + "\"displayName\":\"Matrix\",\"relation\":\"LAWYER\","
                                                    + "\"representsMemberId\":\"" + fixture.member()
                                                    + "\",\"representationScope\":\"" + scope + "\"}");
            assertEquals(201, invited.status(), invited.toString());
        }
        People.Staff substitute = people.staff(Role.FAMILY_INSPECTOR, "matrix-substitute@inspectie.example");
        LocalDate today = LocalDate.now(service.clock().withZone(java.time.ZoneId.of("Europe/Amsterdam")));
        assertEquals(201, inspector.post("/api/absence-covers", "{\"substituteId\":\"" + substitute.account().id()
                                                                + "\",\"from\":\"" + today + "\",\"until\":\""
                                                                + today.plusDays(30) + "\"}").status());
        return new StandingRows(service, fixture, signIn(service, people, "matrix-rep-full@example.org"),
                                signIn(service, people, "matrix-rep-messages_and_interviews@example.org"),
                                service.api().unchecked().as(people.signInStaff(substitute)));
    }

    private static Api signIn(TestService service, People people, String email) {
        return service.api().unchecked().as(people.signInMember(email));
    }

    List<Row> rows() {
        String base = "/api/cases/" + fixture.own();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET /api/cases/{caseId}", api -> api.get(base), Expect.ALLOWED, Expect.ALLOWED,
                         Expect.ALLOWED));
        rows.add(new Row("GET /api/cases/{caseId} (another case)", api -> api.get("/api/cases/" + fixture.other()),
                         Expect.HIDDEN, Expect.HIDDEN, Expect.HIDDEN));
        rows.add(new Row("GET /api/cases/{caseId}/updates/{updateId} (shared with the represented member only)",
                         api -> api.get(base + "/updates/" + fixture.chosenUpdate()), Expect.ALLOWED, Expect.HIDDEN,
                         Expect.ALLOWED));
        rows.add(new Row("GET /api/cases/{caseId}/threads/{threadId}/messages (the represented member's)",
                         api -> api.get(base + "/threads/" + fixture.chosenThread() + "/messages"), Expect.ALLOWED,
                         Expect.ALLOWED, Expect.ALLOWED));
        rows.add(new Row("POST /api/cases/{caseId}/threads/{threadId}/messages (the represented member's)",
                         api -> api.post(base + "/threads/" + fixture.chosenThread() + "/messages",
                                         "{\"text\":\"Matrix\"}"), Expect.ALLOWED, Expect.FORBIDDEN, Expect.ALLOWED));
        rows.add(new Row("GET /api/cases/{caseId}/threads/{threadId}/messages (another member's only)",
                         api -> api.get(base + "/threads/" + fixture.secondMemberThread() + "/messages"),
                         Expect.HIDDEN, Expect.HIDDEN, Expect.ALLOWED));
        rows.add(new Row("GET /api/cases/{caseId}/attachments/{attachmentId} (in the represented member's thread)",
                         api -> api.get(base + "/attachments/" + fixture.chosenFile()), Expect.ALLOWED,
                         Expect.ALLOWED, Expect.ALLOWED));
        rows.add(new Row("GET /api/cases/{caseId}/briefings/{briefingId} (for the represented member)",
                         api -> api.get(base + "/briefings/" + fixture.briefing()), Expect.ALLOWED, Expect.HIDDEN,
                         Expect.ALLOWED));
        rows.add(new Row("POST /api/cases/{caseId}/briefings/{briefingId}/opening (for the represented member)",
                         api -> api.post(base + "/briefings/" + fixture.briefing() + "/opening", "{}"),
                         Expect.ALLOWED, Expect.HIDDEN, Expect.HIDDEN));
        rows.add(new Row("GET /api/interview-proposals/{proposalId} (the represented member's)",
                         api -> api.get("/api/interview-proposals/" + fixture.proposal()), Expect.ALLOWED,
                         Expect.ALLOWED, Expect.ALLOWED));
        rows.add(new Row("PUT /api/interview-proposals/{proposalId}/answer (on the represented member's behalf)",
                         api -> api.send("PUT", "/api/interview-proposals/" + fixture.proposal() + "/answer",
                                         "application/json", ("{\"choice\":\"DECLINE\",\"onBehalfOf\":\""
                                                              + fixture.member() + "\"}").getBytes()),
                         Expect.ALLOWED, Expect.FORBIDDEN, Expect.HIDDEN));
        rows.add(new Row("GET /api/cases/{caseId}/members", api -> api.get(base + "/members"), Expect.HIDDEN,
                         Expect.HIDDEN, Expect.ALLOWED));
        rows.add(new Row("PUT /api/cases/{caseId}/members/{memberId}/representation",
                         api -> api.send("PUT", base + "/members/" + fixture.member() + "/representation",
                                         "application/json", "{}".getBytes()), Expect.HIDDEN, Expect.HIDDEN,
                         Expect.ALLOWED));
        rows.add(new Row("PUT /api/cases/{caseId}/next-update", api -> api.send("PUT", base + "/next-update",
                                                                                "application/json", "{}".getBytes()),
                         Expect.HIDDEN, Expect.HIDDEN, Expect.ALLOWED));
        rows.add(new Row("GET /api/absence-covers", api -> api.get("/api/absence-covers"), Expect.HIDDEN,
                         Expect.HIDDEN, Expect.ALLOWED));
        return rows;
    }

    /** Every row × standing that went otherwise than the row says. */
    List<String> wrong() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (Standing standing : Standing.values()) {
                Api caller = switch (standing) {
                    case FULL_REPRESENTATIVE -> full;
                    case NARROW_REPRESENTATIVE -> narrow;
                    case SUBSTITUTE -> substitute;
                };
                Reply reply = row.request().apply(caller);
                // A 401 or a 500 is never what a row expects.
                Expect got = reply.status() == 404 ? Expect.HIDDEN : reply.status() == 403 ? Expect.FORBIDDEN
                        : reply.status() == 401 || reply.status() >= 500 ? null : Expect.ALLOWED;
                if (got != row.of(standing)) {
                    wrong.add(row.route() + " as " + standing + ": expected " + row.of(standing) + ", got " + got
                              + " (" + reply + ")");
                }
            }
        }
        return wrong;
    }
}
