package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
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
 * An access's audit event is durable before its answer: staff read a case's timeline from several clients at once
 * (so events share batches), the service process is killed (SIGKILL) right after a 200, and after a restart on the
 * same database every answered read has its event, found by the request id the answer carried.
 */
class KilledAfterReadingTest {

    private static final int CLIENTS = 8;
    private static final int ANSWERED_BEFORE_KILL = 200;

    @Test
    void everyAnsweredReadHasItsEventAfterAKill() throws Exception {
        String database = TestDatabase.newDatabase();
        String caseId;
        Api.Credentials inspector;
        // Made by a test service on the same database, on the real clock as the process's, so the session is fresh.
        try (TestService setup = TestService.builder().set("db.url", database)
                .clock(new TestClock(Instant.now())).start()) {
            CaseFiles.OpenCase opened = new CaseFiles(setup).open("kill-read-fi@inspectie.example", "KILL-READ-1");
            caseId = opened.caseId();
            inspector = opened.inspectorApi().credentials();
        }
        Map<String, String> environment = Map.of(
                "FL_SERVER_PORT", String.valueOf(Ports.free()), "FL_DB_URL", database, "FL_DB_USER", "root",
                "FL_DB_PASSWORD", TestDatabase.password(),
                "FL_DATA_DIR", TestFolders.fresh("killed-read-data").toString(),
                "FL_CRYPTO_KEYS", ServiceProcess.testKeys(),
                "FL_SMTP_HOST", "127.0.0.1", "FL_SMTP_PORT", String.valueOf(TestMail.port()),
                "FL_SMTP_TRANSPORT", "SMTP");
        List<String> limits = List.of("rate-limits.api-client.capacity=1000000");
        String path = "/api/cases/" + caseId + "/timeline";

        Set<String> answered = ConcurrentHashMap.newKeySet();
        try (ServiceProcess first = ServiceProcess.launch(TestFolders.fresh("killed-read-log").resolve("first.log"),
                                                          environment, limits).awaitHealthy()) {
            Api api = new Api(first.base(), false).as(inspector);
            AtomicBoolean go = new AtomicBoolean(true);
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    running.add(clients.submit(() -> {
                        while (go.get()) {
                            try {
                                Reply reply = api.get(path);
                                assertEquals(200, reply.status(), reply::toString);
                                String requestId = reply.header("X-Request-Id");
                                assertNotNull(requestId, "every answer names its request");
                                if (answered.add(requestId) && answered.size() >= ANSWERED_BEFORE_KILL) {
                                    first.kill(); // right after this 200, others in flight
                                }
                            } catch (UncheckedIOException killed) {
                                return;
                            }
                        }
                    }));
                }
                Instant deadline = Instant.now().plusSeconds(60);
                while (answered.size() < ANSWERED_BEFORE_KILL && Instant.now().isBefore(deadline)
                       && running.stream().noneMatch(Future::isDone)) {
                    Thread.sleep(5);
                }
                for (Future<?> client : running) {
                    if (client.isDone() && answered.size() < ANSWERED_BEFORE_KILL) {
                        client.get(); // a client that stopped before the kill shows why
                    }
                }
                first.kill();
                go.set(false);
                clients.shutdown();
                assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            }
        }
        assertTrue(answered.size() >= ANSWERED_BEFORE_KILL, answered.size() + " reads answered before the kill");

        try (ServiceProcess second = ServiceProcess.launch(TestFolders.fresh("killed-read-log").resolve("second.log"),
                                                           environment, limits).awaitHealthy()) {
            Set<String> audited = requestIdsOfReads(database, caseId);
            Set<String> missing = new HashSet<>(answered);
            missing.removeAll(audited);
            assertTrue(missing.isEmpty(), missing.size() + " of " + answered.size()
                                          + " answered reads have no audit event: " + missing);
        }
    }

    private static Set<String> requestIdsOfReads(String database, String caseId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, "root", TestDatabase.password());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT request_id FROM audit_event WHERE case_id = ? AND request_id IS NOT NULL")) {
            statement.setString(1, caseId);
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
