package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A representative sees and does for the member they represent what their scope allows, decided by the one
 * authorization decision: FULL sees the member's timeline and writes and answers on their behalf (labelled so),
 * MESSAGES_AND_INTERVIEWS only reads the member's threads and interviews; neither sees another member's items.
 */
class RepresentativesTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void eachScopeSeesAndDoesWhatItAllows() {
        CaseFiles.Cast cast = files.cast("rep");
        Api inspector = cast.inspectorApi();
        String base = "/api/cases/" + cast.caseId();
        CaseFiles.Member victim = files.member(cast, "rep-victim");
        String other = files.join(cast, "rep-other@example.org");
        Api lawyer = representative(cast, "rep-lawyer@example.org", "LAWYER", victim.membershipId(), "FULL");
        Api support = representative(cast, "rep-support@example.org", "SUPPORT_WORKER", victim.membershipId(),
                                     "MESSAGES_AND_INTERVIEWS");
        inspector.post(base + "/updates", "{\"text\":\"ALLEEN-SLACHTOFFER\",\"visibleTo\":[\""
                                          + victim.membershipId() + "\"]}");
        inspector.post(base + "/updates", "{\"text\":\"ALLEEN-ANDER\",\"visibleTo\":[\"" + other + "\"]}");
        String victimThread = thread(inspector, base, victim.membershipId(), "Vraag aan het slachtoffer");
        String otherThread = thread(inspector, base, other, "Vraag aan een ander");
        String proposal = proposal(inspector, base, victim.membershipId());

        String fullTimeline = lawyer.get(base + "/timeline").body();
        assertTrue(fullTimeline.contains("ALLEEN-SLACHTOFFER"), fullTimeline);
        assertFalse(fullTimeline.contains("ALLEEN-ANDER"), "never another member's items");
        String narrowTimeline = support.get(base + "/timeline").body();
        assertFalse(narrowTimeline.contains("ALLEEN-SLACHTOFFER"), "the narrow scope sees no timeline of the member");

        for (Api representative : new Api[] {lawyer, support}) {
            String threads = representative.get(base + "/threads").body();
            assertTrue(threads.contains(victimThread), threads);
            assertFalse(threads.contains(otherThread), threads);
            assertEquals(404, representative.get(base + "/threads/" + otherThread + "/messages").status());
            assertEquals(200, representative.get("/api/interview-proposals/" + proposal).status());
        }

        JsonNode written = lawyer.post(base + "/threads/" + victimThread + "/messages",
                                       "{\"text\":\"Namens mijn cliënt: graag bellen.\"}").json();
        assertEquals("Member rep-victim", written.path("onBehalfOf").asText());
        JsonNode seen = inspector.get(base + "/threads/" + victimThread + "/messages").json().path("messages").get(0);
        assertEquals("Member rep-victim", seen.path("onBehalfOf").asText(), "staff see for whom it was written");
        assertEquals(403, support.post(base + "/threads/" + victimThread + "/messages",
                                       "{\"text\":\"Mag dit?\"}").status());

        String slot = inspector.get("/api/interview-proposals/" + proposal).json().path("slots").get(0).path("id")
                .asText();
        String answer = "{\"choice\":\"SLOT\",\"slotId\":\"" + slot + "\",\"onBehalfOf\":\"" + victim.membershipId()
                        + "\"}";
        assertEquals(403, support.send("PUT", "/api/interview-proposals/" + proposal + "/answer",
                                       "application/json", answer.getBytes()).status());
        assertEquals(403, lawyer.send("PUT", "/api/interview-proposals/" + proposal + "/answer", "application/json",
                                      answer.replace(victim.membershipId(), other).getBytes()).status(),
                     "not for a member they do not represent");
        assertEquals(200, lawyer.send("PUT", "/api/interview-proposals/" + proposal + "/answer", "application/json",
                                      answer.getBytes()).status());
        JsonNode answered = inspector.get("/api/interview-proposals/" + proposal).json().path("answers").get(0);
        assertEquals(victim.membershipId(), answered.path("memberId").asText());
        assertEquals("Rep-lawyer", answered.path("answeredBy").path("name").asText());

        JsonNode contacts = victim.api().get(base + "/contacts").json();
        assertEquals(2, contacts.path("representedBy").size(), contacts.toString());
        assertEquals("Member rep-victim", lawyer.get(base + "/contacts").json().path("represents").asText());
    }

    @Test
    void aNarrowRepresentativeNeitherAnswersNorAsksToCancelAsThemselves() {
        CaseFiles.Cast cast = files.cast("rep4");
        String base = "/api/cases/" + cast.caseId();
        CaseFiles.Member victim = files.member(cast, "rep4-victim");
        Api support = representative(cast, "rep4-support@example.org", "SUPPORT_WORKER", victim.membershipId(),
                                     "MESSAGES_AND_INTERVIEWS");
        Api lawyer = representative(cast, "rep4-lawyer@example.org", "LAWYER", victim.membershipId(), "FULL");
        String proposal = proposal(cast.inspectorApi(), base, victim.membershipId());
        assertEquals(200, support.get("/api/interview-proposals/" + proposal).status(), "they may read it");
        assertEquals(403, support.send("PUT", "/api/interview-proposals/" + proposal + "/answer", "application/json",
                                       "{\"choice\":\"DECLINE\"}".getBytes()).status(),
                     "the invitation is not addressed to them");
        assertEquals(0, cast.inspectorApi().get("/api/interview-proposals/" + proposal).json().path("answers")
                .size(), "nothing was stored");
        String slot = cast.inspectorApi().get("/api/interview-proposals/" + proposal).json().path("slots").get(0)
                .path("id").asText();
        String appointment = cast.inspectorApi().post("/api/interview-proposals/" + proposal + "/confirmation",
                                                      "{\"slotId\":\"" + slot + "\"}").json().path("id").asText();
        String path = "/api/appointments/" + appointment + "/change-requests";
        String cancel = "{\"kind\":\"CANCEL\",\"reason\":\"Het past niet.\"}";
        assertEquals(403, support.post(path, cancel).status(), "the narrow scope does not act for the member");
        assertEquals(201, lawyer.post(path, cancel).status(), "the full scope does");
        assertEquals(201, victim.api().post(path, cancel).status(), "and the member themselves");
    }

    @Test
    void theFamilyInspectorWidensAScopeAndItTakesEffectAtOnce() {
        CaseFiles.Cast cast = files.cast("rep2");
        String base = "/api/cases/" + cast.caseId();
        CaseFiles.Member child = files.member(cast, "rep2-child");
        Api guardian = representative(cast, "rep2-guardian@example.org", "GUARDIAN", child.membershipId(), null);
        cast.inspectorApi().post(base + "/updates", "{\"text\":\"VOOR-HET-KIND\",\"visibleTo\":[\""
                                                    + child.membershipId() + "\"]}");
        assertFalse(guardian.get(base + "/timeline").body().contains("VOOR-HET-KIND"), "the narrow scope by default");
        String guardianId = cast.inspectorApi().get(base + "/members").json().path("members").findValues("id").stream()
                .map(JsonNode::asText).filter(id -> !id.equals(child.membershipId())).findFirst().orElseThrow();
        assertEquals(400, cast.inspectorApi().send("PUT", base + "/members/" + guardianId + "/representation",
                                                   "application/json", ("{\"representsMemberId\":\"" + guardianId
                                                                        + "\"}").getBytes()).status(),
                     "nobody represents themselves");
        JsonNode changed = cast.inspectorApi().send("PUT", base + "/members/" + guardianId + "/representation",
                                                    "application/json", ("{\"representsMemberId\":\""
                                                                         + child.membershipId()
                                                                         + "\",\"representationScope\":\"FULL\"}")
                                                            .getBytes()).json();
        assertEquals("FULL", changed.path("representationScope").asText());
        assertTrue(guardian.get(base + "/timeline").body().contains("VOOR-HET-KIND"));
        JsonNode unsaid = cast.inspectorApi().send("PUT", base + "/members/" + guardianId + "/representation",
                                                   "application/json", ("{\"representsMemberId\":\""
                                                                        + child.membershipId() + "\"}").getBytes())
                .json();
        assertEquals("MESSAGES_AND_INTERVIEWS", unsaid.path("representationScope").asText(),
                     "no scope given is the narrow one, never FULL");
        assertFalse(guardian.get(base + "/timeline").body().contains("VOOR-HET-KIND"));
    }

    private static Api representative(CaseFiles.Cast cast, String email, String relation, String represents,
                                      String scope) {
        String name = email.split("@")[0];
        String body = "{\"email\":\"" + email + "\",\"displayName\":\"" + Character.toUpperCase(name.charAt(0))
                      + name.substring(1) + "\",\"relation\":\"" + relation + "\",\"representsMemberId\":\""
                      + represents + "\"" + (scope == null ? "" : ",\"representationScope\":\"" + scope + "\"") + "}";
        assertEquals(201, cast.inspectorApi().post("/api/cases/" + cast.caseId() + "/members", body).status());
        return service.api().as(service.people().signInMember(email));
    }

    private static String thread(Api inspector, String base, String memberId, String text) {
        return inspector.post(base + "/threads", "{\"text\":\"" + text + "\",\"memberIds\":[\"" + memberId + "\"]}")
                .json().path("thread").path("id").asText();
    }

    private static String proposal(Api inspector, String base, String memberId) {
        return inspector.post(base + "/interview-proposals", "{\"slots\":[{\"start\":\"2026-06-01T09:00:00Z\","
                                                             + "\"end\":\"2026-06-01T10:00:00Z\"}],\"mode\":\"PHONE\","
                                                             + "\"memberIds\":[\"" + memberId + "\"]}")
                .json().path("id").asText();
    }
}
