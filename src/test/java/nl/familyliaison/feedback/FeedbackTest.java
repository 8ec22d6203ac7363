package nl.familyliaison.feedback;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feedback and complaints reach the configured desk, not the family inspector, and carry no text by mail. */
class FeedbackTest {

    private static final String DESK = "klachtendesk@inspectie.example";

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder.set("feedback.address", DESK));
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void aComplaintGoesToTheDeskNotToTheFamilyInspector() {
        CaseFiles.OpenCase open = files.open("fb-fi@inspectie.example", "FB-1");
        Api member = files.member(open, "fb-member@example.org", "PARENT");
        int inspectorMailsBefore = Mailbox.to("fb-fi@inspectie.example").size();
        JsonNode received = member.post("/api/feedback", "{\"kind\":\"COMPLAINT\",\"about\":\"FAMILY_LIAISON\","
                                                         + "\"text\":\"Ik word nooit teruggebeld.\"}").json();
        String reference = received.path("reference").asText();
        Mailbox.Received mail = Mailbox.await(DESK, "Nieuwe feedback .*");
        assertTrue(mail.subject().contains(reference) && mail.text().contains(reference));
        assertFalse(mail.text().contains("teruggebeld") || mail.html().contains("teruggebeld"),
                    "the text stays in the service");
        assertEquals(inspectorMailsBefore, Mailbox.to("fb-fi@inspectie.example").size());

        Api admin = service.api().as(service.people().signInStaff(
                service.people().staff(Role.ADMIN, "fb-admin@inspectie.example")));
        JsonNode listed = admin.get("/api/feedback").json().path("feedback").get(0);
        assertEquals(reference, listed.path("reference").asText());
        assertEquals("Ik word nooit teruggebeld.", listed.path("text").asText());
        assertProblem(open.inspectorApi().get("/api/feedback"), 404, "not-found");
        assertProblem(open.inspectorApi().post("/api/feedback", "{}"), 404, "not-found");
    }

    @Test
    void feedbackNeedsAKindASubjectAndAText() {
        CaseFiles.OpenCase open = files.open("fb-fi2@inspectie.example", "FB-2");
        Api member = files.member(open, "fb-rules@example.org", "PARENT");
        assertProblem(member.post("/api/feedback", "{\"about\":\"SERVICE\",\"text\":\"x\"}"), 400, "invalid-input");
        assertProblem(member.post("/api/feedback", "{\"kind\":\"PRAISE\",\"about\":\"SERVICE\",\"text\":\"x\"}"),
                      400, "invalid-input");
        assertProblem(member.post("/api/feedback", "{\"kind\":\"FEEDBACK\",\"text\":\"x\"}"), 400, "invalid-input");
        assertProblem(member.post("/api/feedback", "{\"kind\":\"FEEDBACK\",\"about\":\"SERVICE\",\"text\":\" \"}"),
                      400, "invalid-input");
        assertProblem(member.post("/api/feedback", "{\"kind\":\"FEEDBACK\",\"about\":\"SERVICE\",\"text\":\""
                                                   + "x".repeat(5001) + "\"}"), 400, "invalid-input");
    }
}
