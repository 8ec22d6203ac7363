package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.health.HealthCheckResponse;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import nl.familyliaison.audit.Verification.Break;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A head file that cannot be written: the chain still grows in the database, the failure is counted and shown on
 * readiness, verification fails (the file is behind), and the next write that works puts everything right.
 */
class HeadFileHealthTest {

    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();

    @Test
    void aFailedHeadFileWriteIsCountedShownAndFailsVerificationUntilAWriteWorks() throws IOException {
        database.reset();
        Path folder = TestFolders.fresh("audit-head-health");
        // A plain file where the head file's folder should be: the sealer cannot create the folder, so cannot write.
        Path blocker = Files.writeString(folder.resolve("audit"), "not a folder");
        Path headFile = blocker.resolve("chain-head.log");
        AuditParts audit = AuditParts.on(database.first(), 1000, headFile);
        HeadFileHealth health = audit.sealer().headFileHealth();
        double before = failures().count();

        audit.log().append(AuditEvents.numbered(1, audit.clock().instant()));
        assertEquals(1, audit.sealer().sealPending());

        assertEquals(before + 1, failures().count());
        assertTrue(health.failing());
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.UP, response.status());
        assertEquals("failed", response.details().get("lastWrite"));
        assertEquals("2026-03-02T09:00:00Z", response.details().get("failingSince"));
        assertEquals(Optional.of(new Break(1, audit.chain().getFirst().id(), Break.HEAD_FILE_MISSING)),
                     audit.verifier().verify().firstBreak());

        Files.delete(blocker);
        audit.clock().advance(Duration.ofSeconds(1));
        audit.log().append(AuditEvents.numbered(2, audit.clock().instant()));
        assertEquals(1, audit.sealer().sealPending());

        assertFalse(health.failing());
        assertEquals("ok", health.call().details().get("lastWrite"));
        assertEquals(before + 1, failures().count());
        assertEquals(new Verification(true, 2, 0, Optional.empty()), audit.verifier().verify());
    }

    @Test
    void readinessAndMetricsOfARunningServiceShowTheFailingHeadFile() throws IOException {
        Path folder = TestFolders.fresh("audit-head-ready");
        Path blocker = Files.writeString(folder.resolve("audit"), "not a folder");
        try (TestService service = TestService.builder().set("db.url", TestDatabase.newDatabase())
                .set("audit.head-file", blocker.resolve("chain-head.log").toString()).start()) {
            Api api = service.management().unchecked();
            assertEquals("ok", headFileCheck(api).path("data").path("lastWrite").asText());

            service.api().unchecked().post("/api/sign-in/code-requests", "{\"email\":\"someone@example.org\"}");
            service.running().features().sealer().sealPending();
            Reply ready = service.api().unchecked().get("/observe/health/ready");
            assertEquals(204, ready.status(), "the instance stays in the load balancer: " + ready);
            JsonNode check = headFileCheck(api);
            assertEquals("UP", check.path("status").asText(), check::toString);
            assertEquals("failed", check.path("data").path("lastWrite").asText(), check::toString);
            assertTrue(check.path("data").has("failingSince"), check::toString);
            String metrics = api.get("/observe/metrics", "Accept", "text/plain").body();
            assertTrue(metrics.contains("audit_head_file_write_failures_total"), metrics);
        }
    }

    private static JsonNode headFileCheck(Api api) {
        for (JsonNode check : api.get("/observe/health/ready").json().path("checks")) {
            if (check.path("name").asText().equals("audit-head-file")) {
                return check;
            }
        }
        throw new AssertionError("no audit-head-file check on readiness");
    }

    private static Counter failures() {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("audit.head.file.write.failures"));
    }
}
