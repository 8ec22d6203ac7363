package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person may be on two cases with two family inspectors. Inviting an address that already has an account tells the
 * second inviter nothing of the first case: not the name entered there, not that the person signed in before.
 */
class ExistingAccountInvitationTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void theInviterOfAnExistingAccountGetsBackOnlyWhatTheyEntered() {
        String email = "inv-sam@example.org";
        CaseFiles.OpenCase first = files.open("inv-fi1@inspectie.example", "INV-1");
        first.inspectorApi().post("/api/cases/" + first.caseId() + "/members",
                                  "{\"email\":\"" + email + "\",\"displayName\":\"Sam de Wit (zoon van het slachtoffer)\","
                                  + "\"relation\":\"CHILD\"}");
        service.people().signInMember(email);

        CaseFiles.OpenCase second = files.open("inv-fi2@inspectie.example", "INV-2");
        Reply invited = second.inspectorApi().post("/api/cases/" + second.caseId() + "/members",
                                                   "{\"email\":\"" + email + "\",\"displayName\":\"S. de Wit\","
                                                   + "\"relation\":\"SIBLING\"}");
        assertEquals(201, invited.status(), invited::toString);
        assertOnlyWhatWasEntered(invited.json());
        JsonNode listed = second.inspectorApi().get("/api/cases/" + second.caseId() + "/members").json()
                .path("members").get(0);
        assertOnlyWhatWasEntered(listed);
        assertFalse(listed.toString().contains("zoon"), listed::toString);

        // Once they sign in after this invitation, this case sees that; the first case keeps its own name.
        Api member = service.api().as(service.people().signInMember(email));
        assertTrue(second.inspectorApi().get("/api/cases/" + second.caseId() + "/members").json().path("members")
                           .get(0).path("signedInOnce").asBoolean());
        assertEquals("Sam de Wit (zoon van het slachtoffer)",
                     first.inspectorApi().get("/api/cases/" + first.caseId() + "/members").json().path("members")
                             .get(0).path("displayName").asText());

        // Their messages on this case carry this case's name for them too.
        String threads = "/api/cases/" + second.caseId() + "/threads";
        String thread = member.post(threads, "{\"text\":\"Goedemiddag\"}").json().path("thread").path("id").asText();
        JsonNode listedThread = second.inspectorApi().get(threads).json().path("threads").get(0);
        assertEquals("S. de Wit", listedThread.path("startedBy").path("name").asText(), listedThread::toString);
        JsonNode messages = second.inspectorApi().get(threads + "/" + thread + "/messages").json();
        assertEquals("S. de Wit", messages.path("messages").get(0).path("author").path("name").asText(),
                     messages::toString);
        assertFalse(messages.toString().contains("zoon"), messages::toString);
    }

    private static void assertOnlyWhatWasEntered(JsonNode member) {
        assertEquals("S. de Wit", member.path("displayName").asText(), member::toString);
        assertEquals("SIBLING", member.path("relation").asText());
        assertFalse(member.path("signedInOnce").asBoolean(), "signed in before (elsewhere) is not told: " + member);
    }
}
