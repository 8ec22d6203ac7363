package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.rights.ExportTest;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An update that went to the wrong member is withdrawn and shared again with the right one in one step: the wrong
 * member never sees it again (timeline, the update itself, the export, the access log), the right one does, the
 * family inspector keeps it marked withdrawn. Read marks are reported by membership id, as {@code visibleTo} is.
 */
class WithdrawnUpdateTest {

    private static final String TEXT = "ALLEEN-VOOR-DE-JUISTE-ZUS";

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void theWrongMemberLosesItAndTheRightOneGetsIt() {
        CaseFiles.Cast cast = files.cast("wd");
        CaseFiles.Member wrong = files.member(cast, "wd-wrong");
        CaseFiles.Member right = files.member(cast, "wd-right");
        String base = "/api/cases/" + cast.caseId();
        String update = cast.inspectorApi().post(base + "/updates", "{\"text\":\"" + TEXT + "\",\"visibleTo\":[\""
                                                                     + wrong.membershipId() + "\"]}")
                .json().path("id").asText();
        cast.inspectorApi().post(base + "/updates/" + update + "/corrections", "{\"text\":\"En nog dit.\"}");
        wrong.api().post(base + "/updates/" + update + "/read", "");
        JsonNode readBy = cast.inspectorApi().get(base + "/updates/" + update).json().path("readBy");
        assertTrue(readBy.has(wrong.membershipId()), "read marks by membership id: " + readBy);

        JsonNode answer = cast.inspectorApi().post(base + "/updates/" + update + "/withdrawal",
                                                   "{\"reshareWith\":[\"" + right.membershipId() + "\"]}",
                                                   "Idempotency-Key", "wd-1").json();
        assertFalse(answer.path("withdrawn").path("withdrawnAt").isMissingNode(), answer.toString());
        String copy = answer.path("reshared").path("id").asText();
        assertEquals(copy, answer.path("withdrawn").path("resharedAs").asText());
        assertEquals(copy, cast.inspectorApi().post(base + "/updates/" + update + "/withdrawal",
                                                    "{\"reshareWith\":[\"" + right.membershipId() + "\"]}",
                                                    "Idempotency-Key", "wd-1").json()
                .path("reshared").path("id").asText(), "a retry shares it once");
        assertEquals(409, cast.inspectorApi().unchecked().post(base + "/updates/" + update + "/withdrawal", "{}")
                .status(), "withdrawn already");

        String wrongTimeline = wrong.api().get(base + "/timeline").body();
        assertFalse(wrongTimeline.contains(TEXT) || wrongTimeline.contains(update) || wrongTimeline.contains(copy));
        assertEquals(404, wrong.api().unchecked().get(base + "/updates/" + update).status());
        assertEquals(404, wrong.api().unchecked().get(base + "/updates/" + copy).status());
        // What staff did with the update itself (posted, read, corrected, withdrew it) is gone from their log; the
        // right member's log shows it being shared with them.
        JsonNode wrongLog = wrong.api().get("/api/access-log").json().path("entries");
        wrongLog.forEach(entry -> assertFalse(entry.path("objectType").asText().equals("update")
                                              || entry.path("action").asText().startsWith("case.update."),
                                              wrongLog::toString));
        JsonNode rightLog = right.api().get("/api/access-log").json().path("entries");
        assertTrue(rightLog.toString().contains("\"action\":\"case.update.reshare\",\"objectType\":\"update\""),
                   rightLog::toString);
        Map<String, byte[]> export = ExportTest.download(wrong.api());
        export.forEach((name, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(TEXT), name));

        JsonNode rightEntries = right.api().get(base + "/timeline").json().path("entries");
        assertEquals(1, rightEntries.size());
        assertEquals(TEXT, rightEntries.path(0).path("text").asText());
        assertEquals("En nog dit.", rightEntries.path(0).path("corrections").path(0).path("text").asText());
        assertTrue(rightEntries.path(0).path("resharedFrom").isMissingNode(), "members get no trace of the first");

        JsonNode history = cast.inspectorApi().get(base + "/timeline").json().path("entries");
        assertEquals(2, history.size(), "the family inspector keeps the withdrawn one");
        JsonNode withdrawn = java.util.stream.StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.path("id").asText().equals(update)).findFirst().orElseThrow();
        assertEquals("Staff wd-fi", withdrawn.path("withdrawnBy").asText(), withdrawn.toString());
        assertEquals(1, cast.investigatorApi().get(base + "/timeline").json().path("entries").size(),
                     "investigators see only what stands");
        JsonNode unread = cast.inspectorApi().get("/api/dashboard").json().path("unreadUpdates");
        assertEquals(1, unread.size(), unread.toString());
        assertEquals(right.membershipId(), unread.path(0).path("memberId").asText());
        Mailbox.await(right.account().email(), "Er is nieuws voor u|There is news for you");
    }

    @Test
    void mailAboutAWithdrawnUpdateThatWaitsForTheMorningIsTakenBack() throws SQLException {
        CaseFiles.Cast cast = files.cast("wd-quiet");
        CaseFiles.Member wrong = files.member(cast, "wd-quiet-wrong");
        // Quiet hours all day long: the mail about the update waits in the outbox.
        wrong.api().send("PUT", "/api/preferences", "application/json",
                         ("{\"language\":\"nl\",\"mailEnabled\":true,\"detailLevel\":\"EVERYTHING\","
                          + "\"quietHours\":{\"start\":\"00:00\",\"end\":\"23:59\"}}").getBytes());
        String base = "/api/cases/" + cast.caseId();
        String update = cast.inspectorApi().post(base + "/updates", "{\"text\":\"Voor een ander.\",\"visibleTo\":[\""
                                                                     + wrong.membershipId() + "\"]}")
                .json().path("id").asText();
        String waiting = "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND event_key = ?";
        assertEquals(1, Sql.count(service, waiting, "new-update:" + update));
        cast.inspectorApi().post(base + "/updates/" + update + "/withdrawal", "{}");
        assertEquals(0, Sql.count(service, waiting, "new-update:" + update), "the mail was taken back");
    }
}
