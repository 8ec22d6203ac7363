package nl.familyliaison.cases;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole loop over HTTP with real sign-ins: a family inspector opens a case and invites two next of kin, posts an
 * update for one of them only, a member asks a question, the inspector answers, the member reads the answer and the
 * inspector sees the read receipt. A question left unanswered for more than two working days shows on the dashboard.
 */
class CaseLoopTest {

    /** Monday 2 March 2026, 10:00 in Amsterdam. */
    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .clock(TestClock.at("2026-03-02T09:00:00Z")));
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void theFamilyInspectorAndTheFamilyTalkThroughTheCase() {
        CaseFiles.OpenCase file = files.open("fi-loop@inspectie.example", "2026-L01");
        String base = "/api/cases/" + file.caseId();
        JsonNode first = files.invite(file, "loop-one@example.org", "PARENT");
        files.invite(file, "loop-two@example.org", "PARTNER");
        Api one = service.api().as(service.people().signInMember("loop-one@example.org"));
        Api two = service.api().as(service.people().signInMember("loop-two@example.org"));

        String update = file.inspectorApi().post(base + "/updates", "{\"text\":\"Voor u alleen.\",\"visibleTo\":[\""
                                                                   + first.path("id").asText() + "\"]}")
                .json().path("id").asText();
        assertEquals(1, one.get(base + "/timeline").json().path("entries").size());
        assertEquals(0, two.get(base + "/timeline").json().path("entries").size());
        assertProblem(two.get(base + "/updates/" + update), 404, "not-found");

        JsonNode started = one.post(base + "/threads", "{\"text\":\"Wanneer hoor ik meer?\"}").json();
        String thread = started.path("thread").path("id").asText();
        String question = started.path("message").path("id").asText();
        assertEquals(200, file.inspectorApi().get(base + "/threads/" + thread + "/messages").status());
        assertEquals(204, file.inspectorApi().post(base + "/threads/" + thread + "/read", "{}").status());
        assertEquals(201, file.inspectorApi().post(base + "/threads/" + thread + "/messages",
                                                   "{\"text\":\"Binnen twee weken.\"}").status());

        JsonNode messages = one.get(base + "/threads/" + thread + "/messages").json().path("messages");
        assertEquals("Binnen twee weken.", messages.path(0).path("text").asText(), "newest first");
        assertEquals(question, messages.path(1).path("id").asText());
        assertEquals(1, messages.path(1).path("readBy").size(), "the member sees the inspector read the question");
        assertEquals(204, one.post(base + "/threads/" + thread + "/read", "{}").status());

        JsonNode answer = file.inspectorApi().get(base + "/threads/" + thread + "/messages").json().path("messages")
                .path(0);
        assertEquals("Binnen twee weken.", answer.path("text").asText());
        assertEquals(1, answer.path("readBy").size(), "the inspector sees the member read the answer");
        assertProblem(two.get(base + "/threads/" + thread + "/messages"), 404, "not-found");
    }

    @Test
    void aQuestionWaitingOverTwoWorkingDaysShowsOnTheDashboard() {
        service.clock().set(Instant.parse("2026-03-06T09:00:00Z"));
        CaseFiles.OpenCase file = files.open("fi-wait@inspectie.example", "2026-L02");
        Api member = files.member(file, "loop-wait@example.org", "CHILD");
        String thread = member.post("/api/cases/" + file.caseId() + "/threads", "{\"text\":\"Is er nieuws?\"}")
                .json().path("thread").path("id").asText();

        service.clock().set(Instant.parse("2026-03-09T09:30:00Z"));
        Api monday = service.api().as(service.people().signInStaff(file.inspector()));
        assertEquals(0, monday.get("/api/dashboard").json().path("waitingThreads").size(),
                     "Friday to Monday is one working day");

        service.clock().set(Instant.parse("2026-03-10T09:30:00Z"));
        Api tuesday = service.api().as(service.people().signInStaff(file.inspector()));
        JsonNode waiting = tuesday.get("/api/dashboard").json().path("waitingThreads");
        assertEquals(thread, waiting.path(0).path("threadId").asText());

        tuesday.post("/api/cases/" + file.caseId() + "/threads/" + thread + "/messages", "{\"text\":\"Ja, morgen.\"}");
        assertTrue(tuesday.get("/api/dashboard").json().path("waitingThreads").isEmpty(), "answered");
    }
}
