package nl.familyliaison.rights;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.platform.Json;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance 3 of the end of an investigation: the export holds every item the member can see over the API, in the
 * same shape, and nothing of another member or another case.
 */
public class ExportTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void theExportIsWhatTheMemberSeesOverTheApiAndNothingElse() throws IOException {
        CaseFiles.OpenCase open = files.open("exp-fi@inspectie.example", "EXP-1");
        Api inspector = open.inspectorApi();
        String base = "/api/cases/" + open.caseId();
        String mine = files.invite(open, "exp-me@example.org", "PARENT").path("id").asText();
        String theirs = files.invite(open, "exp-sibling@example.org", "SIBLING").path("id").asText();
        Api me = service.api().as(service.people().signInMember("exp-me@example.org"));
        Api sibling = service.api().as(service.people().signInMember("exp-sibling@example.org"));

        inspector.post(base + "/updates", "{\"text\":\"Voor iedereen.\"}");
        inspector.post(base + "/updates", "{\"text\":\"Alleen voor mij.\",\"visibleTo\":[\"" + mine + "\"]}");
        inspector.post(base + "/updates", "{\"text\":\"ALLEEN-BROER-UPDATE\",\"visibleTo\":[\"" + theirs + "\"]}");
        byte[] photo = SampleFiles.pdf("mijn bijlage");
        String fileId = me.send("POST", base + "/attachments", "application/pdf", photo, "X-File-Name",
                                "bijlage.pdf").json().path("id").asText();
        me.post(base + "/threads", "{\"text\":\"<script>alert(1)</script> & vraag\",\"attachmentIds\":[\"" + fileId
                                   + "\"]}");
        sibling.post(base + "/threads", "{\"text\":\"ALLEEN-BROER-BERICHT\"}");
        String report = inspector.send("POST", base + "/attachments", "application/pdf",
                                       SampleFiles.pdf("concept"), "X-File-Name", "concept.pdf").json().path("id")
                .asText();
        String briefing = inspector.post(base + "/briefings", "{\"attachmentId\":\"" + report + "\",\"memberIds\":[\""
                                                              + mine + "\"],\"publicationDate\":\"2026-04-01\","
                                                              + "\"remarksUntil\":\"2026-03-20T12:00:00Z\"}")
                .json().path("id").asText();
        me.post(base + "/briefings/" + briefing + "/opening", "{}");
        me.post(base + "/briefings/" + briefing + "/remarks", "{\"text\":\"Mijn opmerking.\"}");
        inspector.post(base + "/interview-proposals", "{\"slots\":[{\"start\":\"2026-03-10T09:00:00Z\",\"end\":"
                                                      + "\"2026-03-10T10:00:00Z\"}],\"mode\":\"PHONE\","
                                                      + "\"memberIds\":[\"" + mine + "\"]}");
        inspector.post(base + "/interview-proposals", "{\"slots\":[{\"start\":\"2026-03-11T09:00:00Z\",\"end\":"
                                                      + "\"2026-03-11T10:00:00Z\"}],\"mode\":\"PHONE\","
                                                      + "\"memberIds\":[\"" + theirs + "\"]}");
        inspector.get(base + "/timeline");
        CaseFiles.OpenCase elsewhere = files.open("exp-fi2@inspectie.example", "EXP-ANDERS");
        files.invite(elsewhere, "exp-stranger@example.org", "CHILD");
        elsewhere.inspectorApi().post("/api/cases/" + elsewhere.caseId() + "/updates",
                                      "{\"text\":\"ANDER-DOSSIER-UPDATE\"}");

        // What the member sees over the API, route by route.
        JsonNode timeline = me.get(base + "/timeline").json();
        JsonNode threads = me.get(base + "/threads").json().path("threads");
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        for (JsonNode thread : threads) {
            messages.put(thread.path("id").asText(), me.get(base + "/threads/" + thread.path("id").asText()
                                                            + "/messages?limit=100").json().path("messages"));
        }
        JsonNode briefings = me.get(base + "/briefings").json().path("briefings");
        JsonNode proposals = me.get(base + "/interview-proposals").json();
        JsonNode appointments = me.get(base + "/appointments").json();
        JsonNode accessLog = me.get("/api/access-log").json();
        JsonNode preferences = me.get("/api/preferences").json();

        Map<String, byte[]> zip = download(me);
        assertTrue(zip.keySet().containsAll(List.of("export.json", "export.html")), zip.keySet().toString());
        JsonNode export = Json.mapper().readTree(zip.get("export.json"));
        assertEquals("exp-me@example.org", export.path("profile").path("email").asText());
        assertEquals(preferences, export.path("preferences"));
        assertEquals(1, export.path("cases").size(), "only the member's own case");
        JsonNode exported = export.path("cases").get(0);
        assertEquals(timeline, exported.path("timeline"));
        assertEquals(threads.size(), exported.path("threads").size());
        for (JsonNode thread : exported.path("threads")) {
            String id = thread.path("thread").path("id").asText();
            assertEquals(threads.findValues("id").stream().filter(found -> found.asText().equals(id)).count(), 1);
            assertEquals(messages.get(id), thread.path("messages"));
        }
        assertEquals(briefings, exported.path("briefings"));
        assertEquals(proposals, exported.path("interviewProposals"));
        assertEquals(appointments, exported.path("appointments"));
        assertEquals(accessLog, export.path("accessLog"));
        assertEquals(1, proposals.size(), "one proposal was for the member, one for the sibling");

        // The files: the member's attachment and the briefing they opened, byte for byte as the API gives them.
        ArrayNode listed = (ArrayNode) export.path("files");
        assertEquals(2, listed.size(), listed.toString());
        for (JsonNode file : listed) {
            assertTrue(zip.containsKey(file.path("path").asText()), file.toString());
        }
        assertArrayEquals(photo, zip.get("files/" + fileId + "/bijlage.pdf"));
        assertTrue(zip.containsKey("files/" + report + "/concept.pdf"));

        // Nothing of the sibling, of the other case, of another person.
        String everything = new String(zip.get("export.json"), StandardCharsets.UTF_8)
                            + new String(zip.get("export.html"), StandardCharsets.UTF_8);
        for (String foreign : List.of("ALLEEN-BROER-UPDATE", "ALLEEN-BROER-BERICHT", "ANDER-DOSSIER-UPDATE",
                                      "EXP-ANDERS", "exp-stranger@example.org", "exp-sibling@example.org",
                                      "Member exp-sibling",
                                      elsewhere.caseId())) {
            assertFalse(everything.contains(foreign), foreign + " leaked into the export");
        }

        // The readable page: every value escaped, no script.
        String html = new String(zip.get("export.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; vraag"), html);
        assertFalse(html.contains("<script"), "no script in the page");
        assertTrue(html.contains("Voor iedereen.") && html.contains("Alleen voor mij."));
    }

    @Test
    void onlyMembersExport() {
        CaseFiles.OpenCase open = files.open("exp-fi3@inspectie.example", "EXP-3");
        assertProblem(open.inspectorApi().get("/api/export"), 404, "not-found");
        assertProblem(service.api().get("/api/export"), 401, "sign-in-required");
    }

    /** The zip as bytes, file by file (the test client reads text; a zip is not). */
    public static Map<String, byte[]> download(Api member) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(member.base().resolve("/api/export"))
                            .header("Cookie", "__Host-fl-session=" + member.credentials().sessionToken())
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
