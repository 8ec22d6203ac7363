package nl.familyliaison.rights;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.ZipInputStream;

import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The export cannot be used to wear the service down: one per member at a time, a few an hour, and the "export
 * running" lease never outlives the export (a failed one gives it back, a killed instance's expires).
 */
class ExportLimitsTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void anExportLeftRunningByAKilledInstanceBlocksOnlyUntilItsLeaseEnds() {
        CaseFiles.OpenCase open = files.open("lim-fi1@inspectie.example", "LIM-1");
        Api me = files.member(open, "lim-killed@example.org", "PARENT");
        // The lease as an instance that died mid-export left it: taken, never given back.
        ExportRuns otherInstance = new ExportRuns(new ExportRunRepository(service.running().database().client()),
                                                  Duration.ofMinutes(2), service.clock());
        otherInstance.start(accountId("lim-killed@example.org"));

        Reply refused = me.get("/api/export");
        assertProblem(refused, 429, "export-in-progress");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 120, "Retry-After " + retryAfter);

        service.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
        assertTrue(ExportTest.download(me).containsKey("export.json"), "the expired lease is taken over");
        assertTrue(ExportTest.download(me).containsKey("export.json"), "and given back when the export ended");
    }

    @Test
    void anExportThatFailsHalfwayGivesItsLeaseBack() throws Exception {
        CaseFiles.OpenCase open = files.open("lim-fi2@inspectie.example", "LIM-2");
        Api me = files.member(open, "lim-broken@example.org", "PARENT");
        String base = "/api/cases/" + open.caseId();
        String fileId = me.send("POST", base + "/attachments", "application/pdf", SampleFiles.pdf("kapot"),
                                "X-File-Name", "kapot.pdf").json().path("id").asText();
        me.post(base + "/threads", "{\"text\":\"Met bijlage\",\"attachmentIds\":[\"" + fileId + "\"]}");

        // The file's key is gone: the export fails while it writes the archive (the JSON is made by then).
        setKeyId(fileId, "vanished");
        assertNotEquals("complete", attempt(me), "an export that cannot read a file does not end as complete");

        setKeyId(fileId, "test-1/hkdf");
        assertTrue(ExportTest.download(me).containsKey("files/" + fileId + "/kapot.pdf"),
                   "the failed export did not leave its lease behind");
    }

    @Test
    void aMemberExportsAtMostThreeTimesAnHour() {
        CaseFiles.OpenCase open = files.open("lim-fi3@inspectie.example", "LIM-3");
        Api me = files.member(open, "lim-often@example.org", "PARENT");
        for (int i = 0; i < 3; i++) {
            ExportTest.download(me);
        }
        Reply limited = me.get("/api/export");
        assertProblem(limited, 429, "rate-limited");
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0, limited.toString());
    }

    /** "complete" when the download arrived as a whole zip, else what went wrong. */
    private static String attempt(Api member) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(member.base().resolve("/api/export"))
                            .header("Cookie", "__Host-fl-session=" + member.credentials().sessionToken())
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return "status " + response.statusCode();
            }
            int entries = 0;
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(response.body()))) {
                while (zip.getNextEntry() != null) {
                    zip.readAllBytes();
                    entries++;
                }
            }
            return entries == 3 ? "complete" : entries + " entries";
        } catch (IOException broken) {
            return "broken: " + broken;
        }
    }

    private static String accountId(String email) {
        return service.running().features().accounts().byEmail(email).orElseThrow().id();
    }

    private static void setKeyId(String attachmentId, String keyId) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE message_attachment SET content_key_id = ? WHERE id = ?")) {
            update.setString(1, keyId);
            update.setString(2, attachmentId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
