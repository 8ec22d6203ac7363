package nl.familyliaison.approvals;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An administrator cannot give anyone case content alone: a staff account and a case's staff are asked for by one
 * administrator and made only when a different one approves; the case's family inspector is mailed about the change.
 */
class FourEyesTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);
    private static final String CHANGE_SUBJECT = "Wijziging in een van uw onderzoeken";

    @Test
    void aStaffAccountWaitsForASecondAdministratorNeverTheOneWhoAsked() {
        Admins admins = Admins.create(service, "fe-staff");
        Reply asked = admins.askingApi().post("/api/staff", "{\"email\":\"fe-new@inspectie.example\","
                                                            + "\"displayName\":\"Nieuwe Collega\","
                                                            + "\"role\":\"FAMILY_INSPECTOR\"}");
        assertEquals(202, asked.status(), asked::toString);
        String id = asked.json().path("id").asText();
        assertEquals("PENDING", asked.json().path("status").asText());
        assertTrue(service.running().features().accounts().byEmail("fe-new@inspectie.example").isEmpty(),
                   "nothing is created before the approval");
        assertTrue(pendingIds(admins.approvingApi()).contains(id), "the other administrator sees it waiting");
        assertProblem(admins.askingApi().post("/api/staff", "{\"email\":\"fe-new@inspectie.example\","
                                                            + "\"displayName\":\"Twee\",\"role\":\"INVESTIGATOR\"}"),
                      409, "conflict");

        assertProblem(admins.askingApi().post(decision(id, "approval"), "{}"), 403, "forbidden");
        assertProblem(admins.askingApi().post(decision(id, "rejection"), "{}"), 403, "forbidden");
        assertTrue(service.running().features().accounts().byEmail("fe-new@inspectie.example").isEmpty());
        assertEquals(1, tables.count("audit_event", "action = ? AND object_id = ? AND outcome = ?",
                                     "approval.approve", id, "DENIED"), "the refused self-approval is audited");

        JsonNode approved = admins.approve(asked);
        assertEquals("APPROVED", approved.path("status").asText());
        assertEquals(admins.approving().account().id(), approved.path("decidedBy").asText());
        String created = service.running().features().accounts().byEmail("fe-new@inspectie.example").orElseThrow()
                .id();
        assertEquals(created, approved.path("createdAccountId").asText());
        Mailbox.await("fe-new@inspectie.example", "Uw account voor Familiecontact");
        assertProblem(admins.approvingApi().post(decision(id, "approval"), "{}"), 409, "conflict");
        assertFalse(pendingIds(admins.approvingApi()).contains(id));
        for (String action : List.of("approval.request.staff-account", "approval.approve")) {
            assertEquals(1, tables.count("audit_event", "action = ? AND object_id = ? AND outcome = ?", action, id,
                                         "SUCCEEDED"), action + " is audited");
        }
        assertEquals(1, tables.count("audit_event", "action = ? AND object_id = ?", "staff.create", created));
    }

    @Test
    void aCaseGetsItsStaffOnlyAfterApprovalAndItsFamilyInspectorIsMailed() {
        CaseFiles.OpenCase open = files.open("fe-fi1@inspectie.example", "FE-1");
        People.Staff next = service.people().staff(Role.FAMILY_INSPECTOR, "fe-fi2@inspectie.example");
        People.Staff investigator = service.people().staff(Role.INVESTIGATOR, "fe-inv@inspectie.example");
        Api investigatorApi = service.api().as(service.people().signInStaff(investigator));
        Admins admins = Admins.create(service, "fe-case");
        Reply asked = admins.askingApi().send("PUT", "/api/cases/" + open.caseId() + "/staff", "application/json",
                                              ("{\"familyInspectorId\":\"" + next.account().id()
                                               + "\",\"investigatorIds\":[\"" + investigator.account().id()
                                               + "\"]}").getBytes());
        assertEquals(202, asked.status(), asked::toString);
        assertEquals(open.caseId(), asked.json().path("caseId").asText());
        assertProblem(investigatorApi.get("/api/cases/" + open.caseId()), 404, "not-found");
        assertProblem(admins.askingApi().post(decision(asked.json().path("id").asText(), "approval"), "{}"), 403,
                      "forbidden");
        assertProblem(investigatorApi.get("/api/cases/" + open.caseId()), 404, "not-found");

        admins.approve(asked);
        assertEquals(200, investigatorApi.get("/api/cases/" + open.caseId()).status(), "assigned once approved");
        // Both the family inspector before the change and the one after it hear of it, without case content.
        for (String inspector : List.of("fe-fi1@inspectie.example", "fe-fi2@inspectie.example")) {
            Mailbox.Received mail = Mailbox.await(inspector, CHANGE_SUBJECT);
            assertFalse(mail.text().contains("FE-1") || mail.html().contains("FE-1"), "no case reference in mail");
            assertTrue(mail.text().contains("Log in"), mail.text());
        }
        assertEquals(1, tables.count("audit_event", "action = ? AND case_id = ? AND outcome = ?",
                                     "approval.approve", open.caseId(), "SUCCEEDED"));
    }

    @Test
    void aRejectedRequestChangesNothing() {
        CaseFiles.OpenCase open = files.open("fe-fi3@inspectie.example", "FE-3");
        People.Staff investigator = service.people().staff(Role.INVESTIGATOR, "fe-inv3@inspectie.example");
        Admins admins = Admins.create(service, "fe-reject");
        Reply asked = admins.askingApi().send("PUT", "/api/cases/" + open.caseId() + "/staff", "application/json",
                                              ("{\"familyInspectorId\":\"" + open.inspector().account().id()
                                               + "\",\"investigatorIds\":[\"" + investigator.account().id()
                                               + "\"]}").getBytes());
        String id = asked.json().path("id").asText();
        Reply rejected = admins.approvingApi().post(decision(id, "rejection"), "{}");
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("REJECTED", rejected.json().path("status").asText());
        assertProblem(admins.approvingApi().post(decision(id, "approval"), "{}"), 409, "conflict");
        Api investigatorApi = service.api().as(service.people().signInStaff(investigator));
        assertProblem(investigatorApi.get("/api/cases/" + open.caseId()), 404, "not-found");
        assertEquals(1, tables.count("audit_event", "action = ? AND object_id = ?", "approval.reject", id));
    }

    @Test
    void anAdministratorIsNeverAssignedToACase() {
        CaseFiles.OpenCase open = files.open("fe-fi4@inspectie.example", "FE-4");
        Admins admins = Admins.create(service, "fe-self");
        String self = admins.asking().account().id();
        assertProblem(admins.askingApi().send("PUT", "/api/cases/" + open.caseId() + "/staff", "application/json",
                                              ("{\"familyInspectorId\":\"" + self + "\"}").getBytes()),
                      400, "invalid-input");
        assertProblem(admins.askingApi().send("PUT", "/api/cases/" + open.caseId() + "/staff", "application/json",
                                              ("{\"familyInspectorId\":\"" + open.inspector().account().id()
                                               + "\",\"investigatorIds\":[\"" + self + "\"]}").getBytes()),
                      400, "invalid-input");
        assertTrue(pendingIds(admins.approvingApi()).stream().noneMatch(id -> tables.count(
                "approval_request", "id = ? AND case_id = ?", id, open.caseId()) > 0), "nothing waits");
    }

    private static String decision(String id, String kind) {
        return "/api/approval-requests/" + id + "/" + kind;
    }

    private static List<String> pendingIds(Api admin) {
        Reply pending = admin.get("/api/approval-requests");
        assertEquals(200, pending.status(), pending::toString);
        List<String> ids = new java.util.ArrayList<>();
        pending.json().path("requests").forEach(request -> ids.add(request.path("id").asText()));
        return ids;
    }
}
