package nl.familyliaison.rights;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.Json;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.ServiceProcess;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * An export of far more than the heap: 32 files of 10 MB (320 MB) from a service process that has 160 MB of heap.
 * It streams through; meanwhile a second export of the same member is refused with 429, and a download broken off
 * halfway gives the export back, so the next one runs.
 */
class LargeExportTest {

    private static final int FILES = 32;
    private static final int FILE_BYTES = 10_000_000;
    private static final String MEMBER = "big-export@example.org";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anExportLargerThanTheHeapStreamsThroughOneAtATime() throws Exception {
        String database = TestDatabase.newDatabase();
        Map<String, String> digests = new LinkedHashMap<>();
        Api.Credentials member;
        Instant seededAt;
        // Seeded through the upload route of a test service on the same database and key: each file sealed as the
        // service seals it. Its clock starts a few minutes before the real one, which the process reads: sign-ins
        // move it on, and the seeding is then already in the process's past, while the session is still fresh there.
        try (TestService setup = TestService.builder().set("db.url", database)
                .set("rate-limits.upload-account.capacity", "1000")
                .set("messages.account-quota-bytes", String.valueOf(1L << 30))
                .clock(new TestClock(Instant.now().minus(Duration.ofMinutes(4)))).start()) {
            People people = new People(setup);
            CaseFiles cases = new CaseFiles(setup);
            CaseFiles.Cast cast = cases.cast(people.staff(Role.FAMILY_INSPECTOR, "big-fi@inspectie.example"),
                                             people.staff(Role.INVESTIGATOR, "big-inv@inspectie.example"), "BIG-1");
            String caseId = cast.caseId();
            cases.join(cast, MEMBER);
            member = people.signInMember(MEMBER);
            Api api = setup.api().as(member);
            seed(api, caseId, digests);
            seededAt = setup.clock().instant();
        }
        // The setup's clock moves on where sign-in needs it (a fresh code, the next time step); the process reads
        // the real one. Rows written "later" than the real time would not be the member's yet: wait until they are.
        while (Instant.now().isBefore(seededAt)) {
            Thread.sleep(200);
        }

        int port = Ports.free();
        Map<String, String> environment = Map.of(
                "FL_SERVER_PORT", String.valueOf(port), "FL_DB_URL", database, "FL_DB_USER", "root",
                "FL_DB_PASSWORD", TestDatabase.password(),
                "FL_DATA_DIR", TestFolders.fresh("big-export-data").toString(),
                "FL_CRYPTO_KEYS", ServiceProcess.testKeys(), "FL_SMTP_HOST", "127.0.0.1",
                "FL_SMTP_PORT", String.valueOf(TestMail.port()), "FL_SMTP_TRANSPORT", "SMTP");
        try (ServiceProcess process = ServiceProcess.launch(
                TestFolders.fresh("big-export-log").resolve("service.log"), environment,
                List.of("-Xmx160m", "-XX:+ExitOnOutOfMemoryError")).awaitHealthy()) {
            Api api = new Api(process.base(), true).as(member);

            // A first download, read only as far as its JSON, then held: the service waits on a full socket.
            HttpResponse<InputStream> held = HTTP.send(exportRequest(process, member),
                                                       HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, held.statusCode());
            ZipInputStream heldZip = new ZipInputStream(held.body());
            assertEquals("export.json", heldZip.getNextEntry().getName());
            JsonNode listed = Json.mapper().readTree(heldZip.readAllBytes()).path("files");
            assertEquals(FILES, listed.size());

            Reply second = api.get("/api/export");
            assertProblem(second, 429, "export-in-progress");
            assertNotNull(second.header("Retry-After"), second.toString());

            // Broken off halfway: the service's next write fails and the export is given back.
            held.body().close();
            HttpResponse<InputStream> whole = awaitExport(process, member);
            Map<String, String> received = readFiles(whole.body());

            assertEquals(digests.size(), received.size(), received.keySet().toString());
            for (JsonNode file : listed) {
                String id = file.path("id").asText();
                assertEquals(digests.get(id), received.get(file.path("path").asText()), "file " + id);
            }
            assertTrue(process.process().isAlive(), process.log());
            assertFalse(process.log().contains("OutOfMemoryError"), process.log());
        }
    }

    /** 32 uploads of 10 MB, sent with the member's messages 10 at a time; remembers each file's SHA-256. */
    private static void seed(Api api, String caseId, Map<String, String> digests) {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            byte[] content = new byte[FILE_BYTES];
            random.nextBytes(content);
            byte[] magic = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(magic, 0, content, 0, magic.length);
            Reply stored = api.send("POST", "/api/cases/" + caseId + "/attachments", "application/pdf", content,
                                    "X-File-Name", "stuk-" + i + ".pdf");
            assertEquals(201, stored.status(), stored::toString);
            String id = stored.json().path("id").asText();
            digests.put(id, sha256(content));
            ids.add(id);
        }
        String threadId = null;
        for (int from = 0; from < FILES; from += 10) {
            String attachments = String.join("\",\"", ids.subList(from, Math.min(FILES, from + 10)));
            String body = "{\"text\":\"Stukken\",\"attachmentIds\":[\"" + attachments + "\"]}";
            Reply sent = threadId == null ? api.post("/api/cases/" + caseId + "/threads", body)
                                          : api.post("/api/cases/" + caseId + "/threads/" + threadId + "/messages",
                                                     body);
            assertEquals(201, sent.status(), sent::toString);
            if (threadId == null) {
                threadId = sent.json().path("thread").path("id").asText();
            }
        }
    }

    /** The next export, once the broken one has been given back (the service notices at its next write). */
    private static HttpResponse<InputStream> awaitExport(ServiceProcess process, Api.Credentials member)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<InputStream> response = HTTP.send(exportRequest(process, member),
                                                           HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200 || Instant.now().isAfter(deadline)) {
                assertEquals(200, response.statusCode(), "the broken-off export was not given back");
                return response;
            }
            response.body().close();
            Thread.sleep(200);
        }
    }

    /** Every file entry's SHA-256 by its path, read as it streams in; the JSON and the page are checked apart. */
    private static Map<String, String> readFiles(InputStream body) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(body)) {
            byte[] buffer = new byte[1 << 16];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                MessageDigest digest = digest();
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    digest.update(buffer, 0, read);
                    total += read;
                }
                if (entry.getName().startsWith("files/")) {
                    files.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
                }
            }
        }
        assertTrue(total > 300L * 1000 * 1000, "the archive held " + total + " bytes");
        return files;
    }

    private static HttpRequest exportRequest(ServiceProcess process, Api.Credentials member) {
        return HttpRequest.newBuilder(process.base().resolve("/api/export"))
                .header("Cookie", "__Host-fl-session=" + member.sessionToken())
                .timeout(Duration.ofSeconds(60)).build();
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
