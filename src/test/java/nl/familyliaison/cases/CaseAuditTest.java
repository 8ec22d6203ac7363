package nl.familyliaison.cases;

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
import nl.familyliaison.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every read and write of a case leaves an audit event; members see the staff's reads of their file. */
class CaseAuditTest {

    @RegisterExtension
    static final RunningService service = new RunningService();
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
