package nl.familyliaison.briefings;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acceptance 1 of the end of an investigation: a briefing before publication, from sharing to publication. */
class BriefingTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    /** The report's own words, to look for where they must not be. */
    private static final String REPORT_WORDS = "Conclusie van het conceptrapport";

    @Test
    void sharedWithOneOfTwoMembersOpenedRemarkedUntilTheDeadlineAndPublished() {
        CaseFiles.OpenCase open = files.open("brief-fi@inspectie.example", "BRIEF-1");
        Api inspector = open.inspectorApi();
        String chosenId = files.invite(open, "brief-chosen@example.org", "PARENT").path("id").asText();
        files.invite(open, "brief-other@example.org", "SIBLING");
        Api chosen = service.api().as(service.people().signInMember("brief-chosen@example.org"));
        Api other = service.api().as(service.people().signInMember("brief-other@example.org"));
        String base = "/api/cases/" + open.caseId();

        byte[] report = SampleFiles.pdf(REPORT_WORDS);
        String fileId = inspector.send("POST", base + "/attachments", "application/octet-stream", report,
                                       "X-File-Name", "concept.pdf").json().path("id").asText();
        Instant deadline = service.clock().instant().plus(Duration.ofDays(7));
        Reply shared = inspector.post(base + "/briefings", "{\"attachmentId\":\"" + fileId + "\",\"memberIds\":[\""
                                                           + chosenId + "\"],\"publicationDate\":\"2026-04-01\","
                                                           + "\"remarksUntil\":\"" + deadline + "\"}");
        assertEquals(201, shared.status(), shared.body());
        String briefing = base + "/briefings/" + shared.json().path("id").asText();
        assertTrue(shared.json().path("embargoed").asBoolean());
        Mailbox.await("brief-chosen@example.org", "Er is iets voor u om te lezen");

        // Only the chosen member sees it; the other gets 404 for the briefing and its file.
        assertEquals(1, chosen.get(base + "/briefings").json().path("briefings").size());
        assertEquals(0, other.get(base + "/briefings").json().path("briefings").size());
        assertProblem(other.get(briefing), 404, "not-found");
        assertProblem(other.get(briefing + "/document"), 404, "not-found");
        assertProblem(other.post(briefing + "/remarks", "{\"text\":\"Mag ik ook?\"}"), 404, "not-found");
        // The file is held for the briefing: it cannot be sent with a message any more.
        assertProblem(inspector.post(base + "/threads", "{\"text\":\"Hier\",\"memberIds\":[\"" + chosenId
                                                        + "\"],\"attachmentIds\":[\"" + fileId + "\"]}"),
                      400, "invalid-input");

        // Warned first: the file opens only after the member chose to open it; the opening is recorded.
        JsonNode seen = chosen.get(briefing).json();
        assertTrue(seen.path("mayBeDistressing").asBoolean());
        assertFalse(seen.has("openedAt"));
        assertFalse(seen.has("recipients"), "a member does not see who else it went to");
        assertProblem(chosen.get(briefing + "/document"), 409, "conflict");
        assertFalse(inspector.get(briefing).json().path("recipients").get(0).has("openedAt"));
        assertTrue(chosen.post(briefing + "/opening", "{}").json().has("openedAt"));
        Reply document = chosen.unchecked().get(briefing + "/document");
        assertEquals(200, document.status());
        assertArrayEquals(report, document.body().getBytes(StandardCharsets.ISO_8859_1));
        JsonNode recipient = inspector.get(briefing).json().path("recipients").get(0);
        assertEquals(chosenId, recipient.path("memberId").asText());
        assertTrue(recipient.has("openedAt"), "the family inspector sees who opened it");

        // Or explained in a meeting: recorded, the family inspector hears of it and links the interview booked.
        assertTrue(chosen.post(briefing + "/meeting-request", "{}").json().has("meetingRequestedAt"));
        Mailbox.await("brief-fi@inspectie.example", "Nieuwe reactie in Familiecontact");
        String proposal = inspector.post(base + "/interview-proposals", "{\"slots\":[{\"start\":\"2026-03-10T09:00:00Z\","
                                                                         + "\"end\":\"2026-03-10T10:00:00Z\"}],"
                                                                         + "\"mode\":\"PHONE\",\"memberIds\":[\""
                                                                         + chosenId + "\"]}").json().path("id")
                .asText();
        JsonNode linked = inspector.send("PUT", briefing + "/meetings/" + chosenId, "application/json",
                                         ("{\"proposalId\":\"" + proposal + "\"}").getBytes()).json();
        assertEquals(proposal, linked.path("recipients").get(0).path("meetingProposalId").asText());
        assertTrue(linked.path("recipients").get(0).has("meetingRequestedAt"));

        // Remarks until the deadline; the family inspector sees every one.
        assertEquals(201, chosen.post(briefing + "/remarks", "{\"text\":\"De datum op pagina 3 klopt niet.\"}")
                .status());
        service.clock().set(deadline.plusSeconds(1));
        inspector = service.api().as(service.people().signInStaff(open.inspector()));
        chosen = service.api().as(service.people().signInMember("brief-chosen@example.org"));
        assertProblem(chosen.post(briefing + "/remarks", "{\"text\":\"Nog iets.\"}"), 409, "conflict");
        JsonNode remarks = inspector.get(briefing).json().path("remarks");
        assertEquals(1, remarks.size());
        assertEquals("De datum op pagina 3 klopt niet.", remarks.get(0).path("text").asText());
        assertFalse(chosen.get(briefing).json().path("remarksOpen").asBoolean());

        // Publication: the embargo label goes, the public link is on every member's timeline.
        String link = "https://www.justis.example/rapporten/brief-1";
        assertProblem(inspector.post(briefing + "/publication", "{\"publicUrl\":\"http://insecure.example\"}"),
                      400, "invalid-input");
        JsonNode published = inspector.post(briefing + "/publication", "{\"publicUrl\":\"" + link + "\"}").json();
        assertFalse(published.path("embargoed").asBoolean());
        assertProblem(inspector.post(briefing + "/publication", "{\"publicUrl\":\"" + link + "\"}"), 409, "conflict");
        assertFalse(chosen.get(briefing).json().path("embargoed").asBoolean());
        assertEquals(link, chosen.get(briefing).json().path("publicUrl").asText());
        other = service.api().as(service.people().signInMember("brief-other@example.org"));
        for (Api member : new Api[] {chosen, other}) {
            JsonNode timeline = member.get(base + "/timeline").json();
            assertEquals("publication", timeline.path("currentPhase").path("code").asText());
            assertTrue(timeline.path("entries").findValuesAsText("text").stream().anyMatch(t -> t.contains(link)),
                       "the public link is on the timeline: " + timeline);
        }
    }

    @Test
    void theEmbargoedFileAndTheRemarksAreStoredEncrypted() {
        CaseFiles.OpenCase open = files.open("brief-fi2@inspectie.example", "BRIEF-2");
        String memberId = files.invite(open, "brief-enc@example.org", "CHILD").path("id").asText();
        Api member = service.api().as(service.people().signInMember("brief-enc@example.org"));
        String base = "/api/cases/" + open.caseId();
        String fileId = open.inspectorApi().send("POST", base + "/attachments", "application/pdf",
                                                 SampleFiles.pdf("Geheime bevinding 4711"), "X-File-Name",
                                                 "geheim.pdf").json().path("id").asText();
        String briefing = base + "/briefings/" + open.inspectorApi().post(
                base + "/briefings", "{\"attachmentId\":\"" + fileId + "\",\"memberIds\":[\"" + memberId
                                     + "\"],\"publicationDate\":\"2026-05-01\",\"remarksUntil\":\""
                                     + service.clock().instant().plus(Duration.ofDays(3)) + "\","
                                     + "\"note\":\"Bel gerust vooraf 0612\"}").json().path("id").asText();
        member.post(briefing + "/remarks", "{\"text\":\"Opmerking 9988 van de familie\"}");
        for (String words : new String[] {"Geheime bevinding 4711", "geheim.pdf", "Opmerking 9988",
                                          "Bel gerust vooraf 0612"}) {
            assertEquals(java.util.List.of(), tables.columnsContaining(words), words + " is stored in clear");
        }
    }

    @Test
    void sharingNeedsAnOwnUnsentUploadMembersOfTheCaseAndDatesInOrder() {
        CaseFiles.OpenCase open = files.open("brief-fi3@inspectie.example", "BRIEF-3");
        String memberId = files.invite(open, "brief-rules@example.org", "CHILD").path("id").asText();
        String base = "/api/cases/" + open.caseId();
        Api inspector = open.inspectorApi();
        String fileId = inspector.send("POST", base + "/attachments", "application/pdf", SampleFiles.pdf("x"),
                                       "X-File-Name", "x.pdf").json().path("id").asText();
        String soon = service.clock().instant().plus(Duration.ofDays(1)).toString();
        String template = "{\"attachmentId\":\"%s\",\"memberIds\":[%s],\"publicationDate\":\"%s\","
                          + "\"remarksUntil\":\"%s\"}";
        String members = "\"" + memberId + "\"";
        assertProblem(inspector.post(base + "/briefings", template.formatted(fileId, "", "2026-04-01", soon)),
                      400, "invalid-input");
        assertProblem(inspector.post(base + "/briefings", template.formatted(fileId, "\"" + java.util.UUID
                .randomUUID() + "\"", "2026-04-01", soon)), 400, "invalid-input");
        assertProblem(inspector.post(base + "/briefings", template.formatted(fileId, members, "2026-01-01", soon)),
                      400, "invalid-input");
        assertProblem(inspector.post(base + "/briefings", template.formatted(fileId, members, "2026-03-02",
                                                                             "2026-03-05T00:00:00Z")),
                      400, "invalid-input");
        assertProblem(inspector.post(base + "/briefings", template.formatted(java.util.UUID.randomUUID(), members,
                                                                             "2026-04-01", soon)),
                      400, "invalid-input");
        assertProblem(inspector.post(base + "/briefings", "{\"attachmentId\":[1]}"), 400, "invalid-input");
        assertProblem(inspector.post(base + "/briefings", "{\"attachmentId\":"), 400, "bad-request");
        assertEquals(201, inspector.post(base + "/briefings", template.formatted(fileId, members, "2026-04-01",
                                                                                 soon)).status());
        assertProblem(inspector.post(base + "/briefings", template.formatted(fileId, members, "2026-04-01", soon)),
                      400, "invalid-input");
    }
}
