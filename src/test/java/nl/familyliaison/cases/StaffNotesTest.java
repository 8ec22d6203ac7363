package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.rights.ExportTest;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff notes: the family inspector and investigators of a case write and read them (newest first, with author), the
 * text is sealed, every read and write is audited, members never reach them (nor find them in their export or their
 * access log), and the case's retention purge deletes them. The staff case list finds and sorts.
 */
class StaffNotesTest {

    private static final String NOTE = "AFGESPROKEN-ALLEEN-BELLEN-NA-18-UUR";

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .set("cases.aftercare-period", "P10D").set("retention.case-content-after", "P5D"));
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    @Test
    void staffKeepNotesThatMembersNeverSee() {
        CaseFiles.Cast cast = files.cast("sn");
        CaseFiles.Member member = files.member(cast, "sn-kin");
        String notes = "/api/cases/" + cast.caseId() + "/notes";
        assertEquals(201, cast.inspectorApi().post(notes, "{\"text\":\"" + NOTE + "\"}").status());
        service.clock().advance(Duration.ofSeconds(5));
        assertEquals(201, cast.investigatorApi().post(notes, "{\"text\":\"Gesprek op 3 mei.\"}").status());
        JsonNode list = cast.inspectorApi().get(notes).json().path("notes");
        assertEquals(List.of("Gesprek op 3 mei.", NOTE), List.of(list.path(0).path("text").asText(),
                                                                 list.path(1).path("text").asText()),
                     "newest first");
        assertFalse(list.path(0).path("author").asText().isEmpty());
        assertEquals(List.of(), tables.columnsContaining(NOTE), "the note is stored sealed");
        assertEquals(400, cast.inspectorApi().unchecked().post(notes, "{\"text\":\"" + "x".repeat(4001) + "\"}")
                .status());
        assertEquals(400, cast.inspectorApi().unchecked().post(notes, "{\"text\":\"  \"}").status());

        assertEquals(404, member.api().unchecked().get(notes).status());
        assertEquals(404, member.api().unchecked().post(notes, "{\"text\":\"van mij\"}").status());
        ExportTest.download(member.api()).forEach((name, bytes) -> assertFalse(
                new String(bytes, StandardCharsets.UTF_8).contains(NOTE), name));
        String log = member.api().get("/api/access-log").body();
        assertFalse(log.contains("case.note"), log);
        tables.awaitSealed();
        for (JsonNode note : list) {
            assertEquals(1, tables.count("audit_event", "action = 'case.note.write' AND object_type = 'case-note'"
                                                        + " AND object_id = ?", note.path("id").asText()));
        }
        assertTrue(tables.count("audit_event", "action = 'case.notes.read' AND case_id = ?", cast.caseId()) >= 1);
        assertTrue(tables.count("audit_event", "outcome = 'DENIED' AND actor_account_id = ?",
                                member.account().id()) >= 2, "the member's attempts are audited");

        cast.inspectorApi().post("/api/cases/" + cast.caseId() + "/closing", "{\"text\":\"Afgerond.\"}");
        service.clock().advance(Duration.ofDays(16));
        service.running().features().retention().run(false);
        assertEquals(0, tables.count("case_note", "investigation_id = ?", cast.caseId()), "purged with the case");
    }

    @Test
    void theStaffCaseListFindsAndSorts() {
        CaseFiles.Cast first = files.cast("SN-FIND-A");
        CaseFiles.Cast second = files.another(first, "SN-FIND-B");
        second.inspectorApi().send("PUT", "/api/cases/" + second.caseId() + "/next-update", "application/json",
                                   ("{\"date\":\"" + java.time.LocalDate.now(service.clock().withZone(Cases.ZONE))
                                           .plusDays(2) + "\"}").getBytes());
        CaseFiles.Member member = files.member(first, "sn-find-kin");
        member.api().post("/api/cases/" + first.caseId() + "/threads", "{\"text\":\"Een vraag.\"}");
        service.clock().advance(Duration.ofMinutes(1));

        JsonNode sorted = first.inspectorApi().get("/api/cases?sort=nextUpdateBy").json().path("cases");
        assertEquals(second.caseId(), sorted.path(0).path("id").asText(), "soonest next update first");
        JsonNode latest = first.inspectorApi().get("/api/cases?sort=-nextUpdateBy").json().path("cases");
        assertEquals(first.caseId(), latest.path(0).path("id").asText());
        JsonNode byReference = first.inspectorApi().get("/api/cases?reference=find-b").json();
        assertEquals(1, byReference.path("cases").size());
        assertEquals(second.caseId(), byReference.path("cases").path(0).path("id").asText());
        JsonNode waiting = first.inspectorApi().get("/api/cases?waiting=true").json();
        assertEquals(1, waiting.path("cases").size(), waiting.toString());
        assertEquals(first.caseId(), waiting.path("waitingForMe").path(0).asText());
        assertEquals(0, first.investigatorApi().get("/api/cases?waiting=true").json().path("cases").size(),
                     "no messages wait for an investigator");
        assertEquals(2, first.inspectorApi().get("/api/cases?phase=start&overdue=false").json().path("cases").size());
        assertEquals(0, first.inspectorApi().get("/api/cases?overdue=true").json().path("cases").size());
        assertEquals(400, first.inspectorApi().unchecked().get("/api/cases?phase=nope").status());
    }
}
