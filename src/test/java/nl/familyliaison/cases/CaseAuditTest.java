package nl.familyliaison.cases;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every read and write of a case leaves an audit event; members see the staff's reads of their file. */
class CaseAuditTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void everyCaseRequestLeavesAnEventForItsCase() throws Exception {
        CaseFiles.OpenCase file = files.open("fi-audit@inspectie.example", "2026-A01");
        Api member = files.member(file, "kin-audit@example.org", "PARENT");
        String base = "/api/cases/" + file.caseId();
        List<Reply> replies = new ArrayList<>();
        replies.add(file.inspectorApi().post(base + "/updates", "{\"text\":\"Eerste update.\"}"));
        String updateId = replies.getLast().json().path("id").asText();
        replies.add(file.inspectorApi().get(base + "/members"));
        replies.add(member.get(base + "/timeline"));
        replies.add(member.get(base + "/updates/" + updateId));
        replies.add(member.post(base + "/updates/" + updateId + "/read", "{}"));
        replies.add(member.get(base + "/contacts"));
        replies.add(member.get(base));
        for (Reply reply : replies) {
            List<String> cases = casesOfRequest(reply.header("X-Request-Id"));
            assertTrue(cases.contains(file.caseId()), () -> "no audit event for " + reply);
        }
    }

    @Test
    void aMemberSeesWhoOfTheStaffLookedAtTheirFile() {
        CaseFiles.OpenCase file = files.open("fi-looked@inspectie.example", "2026-A02");
        Api member = files.member(file, "kin-looked@example.org", "SIBLING");
        member.get("/api/cases/" + file.caseId() + "/timeline");
        file.inspectorApi().get("/api/cases/" + file.caseId() + "/timeline");
        JsonNode entries = member.get("/api/access-log").json().path("entries");
        boolean inspectorRead = false;
        for (JsonNode entry : entries) {
            assertTrue(!entry.path("who").asText().equals("Member kin-looked"), "own reads are not listed");
            if (entry.path("action").asText().equals("case.timeline.read")
                && entry.path("role").asText().equals("FAMILY_INSPECTOR")) {
                inspectorRead = true;
                assertEquals("Staff fi-looked", entry.path("who").asText());
            }
        }
        assertTrue(inspectorRead, entries::toString);
    }

    @Test
    void theLogShowsStaffOnWhatTheMemberMaySeeAndRefusalsWithoutAName() {
        CaseFiles.OpenCase file = files.open("fi-log@inspectie.example", "2026-A03");
        String base = "/api/cases/" + file.caseId();
        Api me = files.member(file, "kin-log@example.org", "PARENT");
        String sibling = files.invite(file, "kin-log-sibling@example.org", "SIBLING").path("id").asText();
        Api siblingApi = service.api().as(service.people().signInMember("kin-log-sibling@example.org"));
        Api inspector = file.inspectorApi();
        String thread = inspector.post(base + "/threads", "{\"text\":\"Alleen voor de broer.\",\"memberIds\":[\""
                                                          + sibling + "\"]}").json().path("thread").path("id").asText();
        inspector.get(base + "/threads/" + thread + "/messages");
        inspector.post(base + "/interview-proposals", "{\"slots\":[{\"start\":\"2026-04-10T09:00:00Z\",\"end\":"
                                                      + "\"2026-04-10T10:00:00Z\"}],\"mode\":\"PHONE\","
                                                      + "\"memberIds\":[\"" + sibling + "\"]}");
        siblingApi.get(base + "/timeline");
        CaseFiles.OpenCase elsewhere = files.open("fi-log-other@inspectie.example", "2026-A04");
        Api prober = files.member(elsewhere, "kin-log-prober@example.org", "CHILD");
        assertEquals(404, prober.get(base + "/timeline").status());
        inspector.get(base + "/timeline");

        JsonNode log = me.get("/api/access-log").json();
        JsonNode entries = log.path("entries");
        assertTrue(log.path("nextCursor").isMissingNode(), "one page");
        assertEquals("case.timeline.read", entries.path(0).path("action").asText(), entries::toString);
        assertEquals("STAFF", entries.path(0).path("kind").asText());
        assertEquals("Staff fi-log", entries.path(0).path("who").asText());
        JsonNode refused = entries.path(1);
        assertEquals("REFUSED_WITHOUT_ACCESS", refused.path("kind").asText(), entries::toString);
        assertEquals(List.of("at", "kind", "outcome"), fieldsOf(refused), "no name, role or action");
        String all = entries.toString();
        for (String trace : List.of("Member kin-log", "message-thread", "interview-proposal", "kin-log-prober")) {
            assertTrue(!all.contains(trace), trace + " in " + all);
        }
        for (JsonNode entry : entries) {
            assertTrue(entry.path("kind").asText().equals("REFUSED_WITHOUT_ACCESS")
                       || !entry.path("role").asText().equals("MEMBER"), entry::toString);
        }
    }

    @Test
    void theLogPagesThroughEverythingAndEndsWithTheMembership() {
        CaseFiles.OpenCase file = files.open("fi-pages@inspectie.example", "2026-A05");
        String base = "/api/cases/" + file.caseId();
        String membership = files.invite(file, "kin-pages@example.org", "CHILD").path("id").asText();
        Api me = service.api().as(service.people().signInMember("kin-pages@example.org"));
        for (int i = 0; i < 5; i++) {
            file.inspectorApi().get(base + "/timeline");
        }
        JsonNode whole = me.get("/api/access-log?limit=200").json().path("entries");
        assertTrue(whole.size() >= 6, whole::toString);
        List<JsonNode> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = me.get("/api/access-log?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertTrue(page.path("entries").size() <= 2);
            page.path("entries").forEach(walked::add);
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        List<JsonNode> wholeList = new ArrayList<>();
        whole.forEach(wholeList::add);
        assertEquals(wholeList, walked);
        assertProblem(me.unchecked().get("/api/access-log?cursor=bm90LWEtY3Vyc29y"), 400, "invalid-input");
        assertProblem(me.unchecked().get("/api/access-log?limit=0"), 400, "invalid-input");
        assertProblem(me.unchecked().get("/api/access-log?limit=many"), 400, "invalid-input");

        assertEquals(204, file.inspectorApi().delete(base + "/members/" + membership).status());
        file.inspectorApi().get(base + "/timeline");
        assertEquals(0, me.get("/api/access-log").json().path("entries").size(), "nothing more of that case");
    }

    private static List<String> fieldsOf(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static List<String> casesOfRequest(String requestId) throws Exception {
        List<String> cases = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT case_id FROM audit_event WHERE request_id = ?")) {
            statement.setString(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    cases.add(rows.getString(1));
                }
            }
        }
        return cases;
    }
}
