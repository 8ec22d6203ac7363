package nl.familyliaison.retention;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance 2 of the end of an investigation: closing with a closing update, aftercare (members still read and
 * write, and see until when), then 404 for members, and the retention job purging the content — in a dry run only
 * listing it — while the audit chain still verifies.
 */
class ClosingAndRetentionTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .set("cases.aftercare-period", "P10D")
            .set("retention.case-content-after", "P5D")
            .set("retention.audit-personal-after", "P5D")
            .set("retention.interval", "PT24H"));
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    @Test
    void membersKeepAccessDuringAftercareThenLoseItAndRetentionPurgesTheContent() {
        CaseFiles.OpenCase closing = files.open("ret-fi@inspectie.example", "RET-1");
        CaseFiles.OpenCase staysOpen = files.open("ret-fi-open@inspectie.example", "RET-2");
        String memberId = files.invite(closing, "ret-member@example.org", "PARTNER").path("id").asText();
        files.invite(staysOpen, "ret-open-member@example.org", "PARTNER");
        Api member = service.api().as(service.people().signInMember("ret-member@example.org"));
        String base = "/api/cases/" + closing.caseId();
        Api inspector = closing.inspectorApi();
        inspector.post(base + "/updates", "{\"text\":\"De gesprekken zijn klaar.\"}");
        String file = member.send("POST", base + "/attachments", "application/pdf", SampleFiles.pdf("brief"),
                                  "X-File-Name", "brief.pdf").json().path("id").asText();
        String thread = member.post(base + "/threads", "{\"text\":\"Een vraag\",\"attachmentIds\":[\"" + file
                                                       + "\"]}").json().path("thread").path("id").asText();
        String reportFile = inspector.send("POST", base + "/attachments", "application/pdf",
                                           SampleFiles.pdf("rapport"), "X-File-Name", "rapport.pdf").json()
                .path("id").asText();
        inspector.post(base + "/briefings", "{\"attachmentId\":\"" + reportFile + "\",\"memberIds\":[\"" + memberId
                                            + "\"],\"publicationDate\":\"2026-03-20\",\"remarksUntil\":\""
                                            + service.clock().instant().plus(Duration.ofDays(5)) + "\"}");
        staysOpen.inspectorApi().post("/api/cases/" + staysOpen.caseId() + "/updates", "{\"text\":\"Blijft.\"}");

        // Closing: the closing update is on the timeline, the case says until when members keep access.
        Instant closedAt = service.clock().instant();
        JsonNode closed = inspector.post(base + "/closing", "{\"text\":\"Het onderzoek is afgerond.\"}").json();
        assertEquals("CLOSED", closed.path("status").asText());
        assertEquals(closedAt.plus(Duration.ofDays(10)), Instant.parse(closed.path("accessEndsAt").asText()));
        assertProblem(inspector.post(base + "/closing", "{\"text\":\"Nog eens.\"}"), 409, "conflict");
        assertProblem(inspector.post("/api/cases/" + staysOpen.caseId() + "/closing", "{\"text\":\"\"}"), 404,
                      "not-found");
        assertProblem(staysOpen.inspectorApi().post("/api/cases/" + staysOpen.caseId() + "/closing", "{}"), 400,
                      "invalid-input");

        // Aftercare: the member still reads, sees when access ends, and may still write.
        JsonNode timeline = member.get(base + "/timeline").json();
        assertEquals("aftercare", timeline.path("currentPhase").path("code").asText());
        assertEquals(closed.path("accessEndsAt").asText(), timeline.path("investigation").path("accessEndsAt")
                .asText());
        assertTrue(timeline.path("entries").findValuesAsText("text").contains("Het onderzoek is afgerond."));
        service.clock().advance(Duration.ofDays(9));
        member = service.api().as(service.people().signInMember("ret-member@example.org"));
        assertEquals(201, member.post(base + "/threads/" + thread + "/messages", "{\"text\":\"Dank u.\"}")
                .status());
        assertEquals(1, member.get("/api/cases").json().path("cases").size());

        // After the aftercare: 404 for the member, everything of the case; staff still see it.
        service.clock().set(closedAt.plus(Duration.ofDays(10)));
        member = service.api().as(service.people().signInMember("ret-member@example.org"));
        for (String path : List.of(base, base + "/timeline", base + "/threads", base + "/threads/" + thread
                                                                                 + "/messages",
                                   base + "/briefings", base + "/attachments/" + file)) {
            assertProblem(member.get(path), 404, "not-found");
        }
        assertProblem(member.post(base + "/threads/" + thread + "/messages", "{\"text\":\"Hallo?\"}"), 404,
                      "not-found");
        assertEquals(0, member.get("/api/cases").json().path("cases").size());
        inspector = service.api().as(service.people().signInStaff(closing.inspector()));
        assertEquals(200, inspector.get(base + "/timeline").status());

        // Dry run: lists what would go once the retention period has passed, and changes nothing.
        People.Staff administrator = service.people().staff(Role.ADMIN, "ret-admin@inspectie.example");
        Api admin = service.api().as(service.people().signInStaff(administrator));
        assertEquals(0, admin.get("/api/retention/preview").json().path("cases").size(), "not yet");
        service.clock().set(closedAt.plus(Duration.ofDays(15)).plusSeconds(1));
        admin = service.api().as(service.people().signInStaff(administrator));
        Map<String, Long> before = counts(closing.caseId());
        JsonNode preview = admin.get("/api/retention/preview").json();
        assertTrue(preview.path("dryRun").asBoolean());
        assertEquals(1, preview.path("cases").size(), preview.toString());
        assertEquals(closing.caseId(), preview.path("cases").get(0).path("caseId").asText());
        assertEquals(2, preview.path("cases").get(0).path("counts").path("updates").asLong());
        assertEquals(1, preview.path("cases").get(0).path("counts").path("briefings").asLong());
        assertEquals(before, counts(closing.caseId()), "a dry run purges nothing");
        assertTrue(before.values().stream().allMatch(count -> count > 0), before.toString());

        // The job purges the closed case's content, not the open case's, and says what it purged.
        Map<String, Long> otherBefore = counts(staysOpen.caseId());
        RetentionJob.Report report = service.running().features().retention().run(false);
        assertFalse(report.dryRun());
        assertEquals(List.of(closing.caseId()), report.cases().stream().map(RetentionJob.CaseReport::caseId)
                .toList());
        assertEquals(4, report.cases().getFirst().counts().get("messages-and-files"), "2 messages, 2 files");
        assertTrue(report.auditEventsErased() > 0, "the case's audit events lost their personal fields: " + report);
        assertTrue(counts(closing.caseId()).values().stream().allMatch(count -> count == 0),
                   counts(closing.caseId()).toString());
        assertEquals(otherBefore, counts(staysOpen.caseId()));
        assertTrue(tables.count("audit_event", "case_id = ?", closing.caseId()) == 0
                   && tables.count("audit_event", "purged_at IS NOT NULL") > 0);
        assertEquals(0, service.running().features().retention().run(false).cases().size(), "purged once");

        // The audit chain still verifies, over the events whose personal fields were erased too.
        tables.awaitSealed();
        JsonNode verification = admin.get("/api/audit/verification").json();
        assertTrue(verification.path("ok").asBoolean(), verification.toString());
        inspector = service.api().as(service.people().signInStaff(closing.inspector()));
        assertEquals(0, inspector.get(base + "/timeline").json().path("entries").size());
    }

    @Test
    void staleIdempotencyKeysAndNeverSentUploadsAreCleanedUp() {
        CaseFiles.OpenCase open = files.open("ret-fi-clean@inspectie.example", "RET-3");
        Api member = files.member(open, "ret-clean@example.org", "CHILD");
        String base = "/api/cases/" + open.caseId();
        Reply upload = member.send("POST", base + "/attachments", "application/pdf", SampleFiles.pdf("nooit"),
                                   "X-File-Name", "nooit.pdf", "Idempotency-Key", "upload-1");
        String unsent = upload.json().path("id").asText();
        long keys = tables.count("idempotency_key");
        assertTrue(keys > 0);
        service.clock().advance(Duration.ofDays(3));
        RetentionJob.Report report = service.running().features().retention().run(false);
        assertTrue(report.idempotencyKeysDeleted() >= 1 && report.unsentUploadsDeleted() >= 1, report.toString());
        assertEquals(0, tables.count("message_attachment", "id = ?", unsent));
        assertEquals(0, tables.count("idempotency_key", "created_at < ?",
                                     java.sql.Timestamp.from(service.clock().instant().minus(Duration.ofDays(1)))));
    }

    private static Map<String, Long> counts(String caseId) {
        return Map.of(
                "updates", tables.count("investigation_update", "investigation_id = ?", caseId),
                "threads", tables.count("message_thread", "investigation_id = ?", caseId),
                "messages", tables.count("message m JOIN message_thread t ON t.id = m.thread_id",
                                         "t.investigation_id = ?", caseId),
                "files", tables.count("message_attachment", "investigation_id = ?", caseId),
                "briefings", tables.count("briefing", "investigation_id = ?", caseId));
    }
}
