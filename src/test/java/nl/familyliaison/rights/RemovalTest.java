package nl.familyliaison.rights;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance 4 of the end of an investigation: a member asks to be removed, the family inspector confirms, and the
 * member's address and name are nowhere in the database any more — in no table, no text or binary column — what
 * they wrote (encrypted at rest) is gone or emptied, and the audit chain still verifies.
 */
class RemovalTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    private static final String EMAIL = "rem-zoe.jansen@example.org";
    /** What CaseFiles names the member: "Member " and the address's local part. */
    private static final String NAME = "Member rem-zoe.jansen";

    @Test
    void afterConfirmationTheMembersEmailAndNameAreInNoTableAndTheChainVerifies() {
        CaseFiles.OpenCase open = files.open("rem-fi@inspectie.example", "REM-1");
        Api inspector = open.inspectorApi();
        String base = "/api/cases/" + open.caseId();
        String memberId = files.invite(open, EMAIL, "PARTNER").path("id").asText();
        Api member = service.api().as(service.people().signInMember(EMAIL));
        member.send("PUT", "/api/preferences", "application/json",
                    "{\"language\":\"en\",\"mailEnabled\":true,\"detailLevel\":\"EVERYTHING\"}".getBytes());

        // The member leaves traces everywhere: a message and a file, a remark, an interview answer, feedback.
        String fileId = member.send("POST", base + "/attachments", "application/pdf", SampleFiles.pdf("van Zoe"),
                                    "X-File-Name", "zoe.pdf", "Idempotency-Key", "zoe-1").json().path("id").asText();
        String thread = member.post(base + "/threads", "{\"text\":\"Groet van Zoe, bel me op 0612345678\","
                                                       + "\"attachmentIds\":[\"" + fileId + "\"]}").json()
                .path("thread").path("id").asText();
        inspector.post(base + "/threads/" + thread + "/messages", "{\"text\":\"Dank voor uw bericht.\"}");
        String report = inspector.send("POST", base + "/attachments", "application/pdf", SampleFiles.pdf("r"),
                                       "X-File-Name", "r.pdf").json().path("id").asText();
        String briefing = base + "/briefings/" + inspector.post(
                base + "/briefings", "{\"attachmentId\":\"" + report + "\",\"memberIds\":[\"" + memberId
                                     + "\"],\"publicationDate\":\"2026-04-01\",\"remarksUntil\":"
                                     + "\"2026-03-20T00:00:00Z\"}").json().path("id").asText();
        member.post(briefing + "/remarks", "{\"text\":\"Zoe merkt op dat het klopt.\"}");
        JsonNode proposal = inspector.post(base + "/interview-proposals", "{\"slots\":[{\"start\":"
                                                                          + "\"2026-03-10T09:00:00Z\",\"end\":"
                                                                          + "\"2026-03-10T10:00:00Z\"}],\"mode\":"
                                                                          + "\"PHONE\",\"memberIds\":[\"" + memberId
                                                                          + "\"]}").json();
        member.send("PUT", "/api/interview-proposals/" + proposal.path("id").asText() + "/answer",
                    "application/json", "{\"choice\":\"DECLINE\",\"note\":\"Zoe kan dan niet\"}".getBytes());
        member.post("/api/feedback", "{\"kind\":\"COMPLAINT\",\"about\":\"SERVICE\",\"text\":\"Zoe vindt het traag\"}");
        assertTrue(tables.columnsContaining(EMAIL).size() > 1, "the address is stored before the removal");

        // The member asks; asking again gives the same request; the family inspector hears of it and confirms.
        JsonNode asked = member.post("/api/removal-requests", "{}").json();
        assertEquals(asked.path("id").asText(), member.post("/api/removal-requests", "{}").json().path("id").asText());
        Mailbox.await("rem-fi@inspectie.example", "Verzoek om verwijdering");
        String confirmation = "/api/removal-requests/" + asked.path("id").asText() + "/confirmation";
        Api outsider = service.api().as(service.people().signInStaff(
                service.people().staff(Role.FAMILY_INSPECTOR, "rem-other-fi@inspectie.example")));
        assertProblem(outsider.post(confirmation, "{}"), 404, "not-found");
        assertEquals(0, outsider.get("/api/removal-requests").json().path("requests").size());
        inspector = service.api().as(service.people().signInStaff(open.inspector()));
        JsonNode waiting = inspector.get("/api/removal-requests").json().path("requests");
        assertEquals(NAME, waiting.get(0).path("name").asText());
        assertEquals(200, inspector.post(confirmation, "{}").status());
        assertProblem(inspector.post(confirmation, "{}"), 404, "not-found");

        // Nowhere in the database: every text and binary column of every table, the audit trail included.
        for (String needle : List.of(EMAIL, NAME, NAME.toLowerCase(Locale.ROOT), "rem-zoe.jansen")) {
            assertEquals(List.of(), tables.columnsContaining(needle), needle + " is still stored");
        }
        // What they wrote was encrypted at rest; whoever holds the key could still read it, so it is gone too.
        JsonNode page = inspector.get(base + "/threads/" + thread + "/messages").json().path("messages");
        assertEquals("", page.get(1).path("text").asText(), "the member's message is emptied");
        assertEquals(0, page.get(1).path("attachments").size());
        assertEquals("Dank voor uw bericht.", page.get(0).path("text").asText(), "others' messages stay");
        assertEquals("Verwijderd / Removed", page.get(1).path("author").path("name").asText());
        assertProblem(inspector.get(base + "/attachments/" + fileId), 404, "not-found");
        assertEquals(0, inspector.get(briefing).json().path("remarks").size());
        assertEquals(0, tables.count("interview_answer"));
        assertEquals(0, tables.count("feedback"));
        assertEquals(0, tables.count("idempotency_key", "account_id = ?", asked.path("accountId").asText()));
        JsonNode members = inspector.get(base + "/members").json();
        assertTrue(members.toString().contains("endedAt"), "the membership ended: " + members);

        // Signed out and unable to sign in again; the audit chain verifies.
        assertProblem(member.get("/api/session"), 401, "sign-in-required");
        assertEquals(202, service.api().post("/api/sign-in/code-requests", "{\"email\":\"" + EMAIL + "\"}")
                .status());
        tables.awaitSealed();
        Api admin = service.api().as(service.people().signInStaff(
                service.people().staff(Role.ADMIN, "rem-admin@inspectie.example")));
        JsonNode verification = admin.get("/api/audit/verification").json();
        assertTrue(verification.path("ok").asBoolean(), verification.toString());
        assertTrue(tables.count("audit_event", "action = 'account.removal.confirm'") == 1);
    }

    @Test
    void onlyMembersAskAndOnlyFamilyInspectorsConfirm() {
        CaseFiles.OpenCase open = files.open("rem-fi2@inspectie.example", "REM-2");
        assertProblem(open.inspectorApi().post("/api/removal-requests", "{}"), 404, "not-found");
        Api member = files.member(open, "rem-plain@example.org", "CHILD");
        assertProblem(member.post("/api/removal-requests/" + java.util.UUID.randomUUID() + "/confirmation", "{}"),
                      404, "not-found");
        assertProblem(open.inspectorApi().post("/api/removal-requests/not-an-id/confirmation", "{}"), 404,
                      "not-found");
        assertEquals(0, member.get("/api/removal-requests").json().path("requests").size());
        member.post("/api/removal-requests", "{}");
        assertEquals(1, member.get("/api/removal-requests").json().path("requests").size());
    }

    @Test
    void onlyAFamilyInspectorOfACurrentMembershipConfirmsAndEveryOneOfThemIsMailed() {
        String email = "rem-three@example.org";
        CaseFiles.OpenCase first = files.open("rem-fi-a@inspectie.example", "REM-A");
        CaseFiles.OpenCase second = files.open("rem-fi-b@inspectie.example", "REM-B");
        CaseFiles.OpenCase left = files.open("rem-fi-c@inspectie.example", "REM-C");
        files.invite(first, email, "PARENT");
        files.invite(second, email, "PARENT");
        String ended = files.invite(left, email, "PARENT").path("id").asText();
        assertEquals(204, left.inspectorApi().delete("/api/cases/" + left.caseId() + "/members/" + ended).status());
        Api member = service.api().as(service.people().signInMember(email));
        String id = member.post("/api/removal-requests", "{}").json().path("id").asText();

        Mailbox.await("rem-fi-a@inspectie.example", "Verzoek om verwijdering");
        Mailbox.await("rem-fi-b@inspectie.example", "Verzoek om verwijdering");
        assertEquals(List.of(), Mailbox.to("rem-fi-c@inspectie.example", "Verzoek om verwijdering"),
                     "the family inspector of an ended membership is not told");
        String confirmation = "/api/removal-requests/" + id + "/confirmation";
        assertEquals(0, left.inspectorApi().get("/api/removal-requests").json().path("requests").size());
        assertProblem(left.inspectorApi().post(confirmation, "{}"), 404, "not-found");
        assertEquals(1, tables.count("removal_request", "id = ? AND confirmed_at IS NULL", id));
        assertEquals(200, second.inspectorApi().post(confirmation, "{}").status());
        // The other family inspector of a current membership learns that it was done; the one who confirmed and
        // the one of the ended membership get no such mail.
        Mailbox.await("rem-fi-a@inspectie.example", "Verzoek om verwijdering afgehandeld");
        assertEquals(List.of(), Mailbox.to("rem-fi-b@inspectie.example", "Verzoek om verwijdering afgehandeld"));
        assertEquals(List.of(), Mailbox.to("rem-fi-c@inspectie.example", "Verzoek om verwijdering afgehandeld"));
    }
}
