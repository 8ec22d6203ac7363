package nl.familyliaison.cases;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case file over HTTP with real sign-ins: a family inspector opens a case, invites next of kin, posts updates for
 * everyone or for one, corrects them openly; members see what is theirs and nothing else.
 */
class CaseFileTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void anUpdateForOneMemberStaysHiddenFromTheOther() {
        CaseFiles.OpenCase file = files.open("fi-one@inspectie.example", "2026-001");
        JsonNode first = files.invite(file, "kin-one@example.org", "PARENT");
        files.invite(file, "kin-two@example.org", "SIBLING");
        Mailbox.Received invitation = Mailbox.await("kin-one@example.org", "Uitnodiging voor Familiecontact");
        assertFalse(invitation.text().contains("2026-001"), "the invitation says nothing of the case");
        Api kinOne = service.api().as(service.people().signInMember("kin-one@example.org"));
        Api kinTwo = service.api().as(service.people().signInMember("kin-two@example.org"));

        Reply posted = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates",
                                                "{\"text\":\"Alleen voor u.\",\"visibleTo\":[\""
                                                + first.path("id").asText() + "\"]}");
        assertEquals(201, posted.status(), posted::toString);
        String updateId = posted.json().path("id").asText();

        assertEquals(List.of("Alleen voor u."), texts(kinOne.get("/api/cases/" + file.caseId() + "/timeline")));
        assertEquals(List.of(), texts(kinTwo.get("/api/cases/" + file.caseId() + "/timeline")));
        assertEquals(200, kinOne.get("/api/cases/" + file.caseId() + "/updates/" + updateId).status());
        assertProblem(kinTwo.get("/api/cases/" + file.caseId() + "/updates/" + updateId), 404, "not-found");
    }

    @Test
    void aCorrectionShowsTheOriginalTheCorrectionAndWhen() {
        CaseFiles.OpenCase file = files.open("fi-correct@inspectie.example", "2026-002");
        Api member = files.member(file, "kin-correct@example.org", "PARTNER");
        String id = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates",
                                             "{\"text\":\"De gesprekken beginnen in mei.\"}").json().path("id")
                .asText();
        service.clock().advance(Duration.ofMinutes(20));
        Reply corrected = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates/" + id + "/corrections",
                                                   "{\"text\":\"De gesprekken beginnen in juni.\"}");
        assertEquals(201, corrected.status(), corrected::toString);
        JsonNode entry = member.get("/api/cases/" + file.caseId() + "/timeline").json().path("entries").path(0);
        assertEquals("De gesprekken beginnen in mei.", entry.path("text").asText(), "the original is kept");
        JsonNode correction = entry.path("corrections").path(0);
        assertEquals("De gesprekken beginnen in juni.", correction.path("text").asText());
        assertTrue(correction.path("postedAt").asText().compareTo(entry.path("postedAt").asText()) > 0);
    }

    @Test
    void membersMarkUpdatesReadAndTheInspectorSeesIt() {
        CaseFiles.OpenCase file = files.open("fi-read@inspectie.example", "2026-003");
        Api member = files.member(file, "kin-read@example.org", "CHILD");
        String id = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates", "{\"text\":\"Nieuws.\"}")
                .json().path("id").asText();
        assertFalse(member.get("/api/cases/" + file.caseId() + "/updates/" + id).json().path("read").asBoolean());
        assertEquals(204, member.post("/api/cases/" + file.caseId() + "/updates/" + id + "/read", "{}").status());
        assertTrue(member.get("/api/cases/" + file.caseId() + "/updates/" + id).json().path("read").asBoolean());
        JsonNode readBy = file.inspectorApi().get("/api/cases/" + file.caseId() + "/updates/" + id).json()
                .path("readBy");
        assertEquals(1, readBy.size());
    }

    @Test
    void everyUpdateRenewsTheNextUpdatePromiseAndMembersSeeIt() {
        CaseFiles.OpenCase file = files.open("fi-promise@inspectie.example", "2026-004");
        Api member = files.member(file, "kin-promise@example.org", "VICTIM");
        LocalDate today = LocalDate.ofInstant(service.clock().instant(), Cases.ZONE);
        assertEquals(today.plusDays(28).toString(),
                     member.get("/api/cases/" + file.caseId() + "/timeline").json().path("nextUpdateBy").asText());
        service.clock().advance(Duration.ofDays(3));
        Api inspector = service.api().as(service.people().signInStaff(file.inspector()));
        assertEquals(201, inspector.post("/api/cases/" + file.caseId() + "/updates",
                                         "{\"text\":\"Stand van zaken.\"}").status());
        Api again = service.api().as(service.people().signInMember("kin-promise@example.org"));
        assertEquals(today.plusDays(31).toString(),
                     again.get("/api/cases/" + file.caseId() + "/timeline").json().path("nextUpdateBy").asText());
    }

    @Test
    void anEndedMembershipEndsAccessAtOnce() {
        CaseFiles.OpenCase file = files.open("fi-end@inspectie.example", "2026-005");
        JsonNode membership = files.invite(file, "kin-end@example.org", "OTHER_KIN");
        Api member = service.api().as(service.people().signInMember("kin-end@example.org"));
        assertEquals(200, member.get("/api/cases/" + file.caseId() + "/timeline").status());
        assertEquals(204, file.inspectorApi().delete("/api/cases/" + file.caseId() + "/members/"
                                                     + membership.path("id").asText()).status());
        assertProblem(member.get("/api/cases/" + file.caseId() + "/timeline"), 404, "not-found");
        assertEquals(0, member.get("/api/cases").json().path("cases").size());
    }

    @Test
    void badUpdatesAreRefusedAndNothingIsStored() {
        CaseFiles.OpenCase file = files.open("fi-bad@inspectie.example", "2026-006");
        String updates = "/api/cases/" + file.caseId() + "/updates";
        assertProblem(file.inspectorApi().post(updates, "{\"text\":\"   \"}"), 400, "invalid-input");
        assertProblem(file.inspectorApi().post(updates, "{\"text\":\"" + "x".repeat(10_001) + "\"}"), 400,
                      "invalid-input");
        assertProblem(file.inspectorApi().post(updates, "{\"text\":\"Hallo\",\"visibleTo\":[]}"), 400,
                      "invalid-input");
        assertProblem(file.inspectorApi().post(updates, "{\"text\":\"Hallo\",\"phase\":\"nope\"}"), 400,
                      "invalid-input");
        // A null in the list of members once crashed the route (500); found by the bad-input campaign.
        String nullMember = "{\"text\":\"Hallo\",\"visibleTo\":[null]}";
        assertEquals("visibleTo[0]", assertProblem(file.inspectorApi().post(updates, nullMember), 400,
                                                   "invalid-input").path("errors").path(0).path("field").asText());
        assertEquals(0, file.inspectorApi().get("/api/cases/" + file.caseId() + "/timeline").json().path("entries")
                .size());
    }

    @Test
    void staffSeeOnlyCasesTheyAreAssignedTo() {
        CaseFiles.OpenCase mine = files.open("fi-mine@inspectie.example", "2026-007");
        CaseFiles.OpenCase theirs = files.open("fi-theirs@inspectie.example", "2026-008");
        assertProblem(mine.inspectorApi().get("/api/cases/" + theirs.caseId() + "/timeline"), 404, "not-found");
        List<String> ids = new ArrayList<>();
        mine.inspectorApi().get("/api/cases").json().path("cases").forEach(found -> ids.add(found.path("id")
                                                                                                   .asText()));
        assertEquals(List.of(mine.caseId()), ids);
    }

    @Test
    void anAdministratorListsCasesWithoutTheirTitles() {
        CaseFiles.OpenCase file = files.open("fi-titled@inspectie.example", "2026-009");
        Api admin = service.api().as(service.people().signInStaff(
                service.people().staff(nl.familyliaison.access.Role.ADMIN, "admin-titles@inspectie.example")));
        JsonNode listed = null;
        for (JsonNode found : admin.get("/api/cases").json().path("cases")) {
            if (found.path("id").asText().equals(file.caseId())) {
                listed = found;
            }
        }
        assertTrue(listed != null, "administrators see every case");
        assertEquals("2026-009", listed.path("reference").asText());
        assertTrue(listed.path("title").isMissingNode(), "the title is case content: " + listed);
        assertTrue(file.inspectorApi().get("/api/cases").json().path("cases").path(0).hasNonNull("title"),
                   "the family inspector sees it");
    }

    private static List<String> texts(Reply timeline) {
        assertEquals(200, timeline.status(), timeline::toString);
        List<String> texts = new ArrayList<>();
        timeline.json().path("entries").forEach(entry -> texts.add(entry.path("text").asText()));
        return texts;
    }
}
