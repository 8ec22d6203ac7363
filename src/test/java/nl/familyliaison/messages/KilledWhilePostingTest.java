package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
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
 * The service process is killed (SIGKILL: no graceful stop) while members post messages with Idempotency-Keys, and
 * started again: every message that was answered 201 is there, and retrying every key, answered or cut off, stores
 * nothing twice.
 */
class KilledWhilePostingTest {

    private static final int CLIENTS = 8;
    private static final int ANSWERED_BEFORE_KILL = 60;

    @Test
    void everyAnsweredMessageSurvivesAndRetriesStoreNothingTwice() throws Exception {
        String database = TestDatabase.newDatabase();
        String caseId;
        String threadId;
        Api.Credentials member;
        // The case, the thread and the member's session are made by a test service on the same database; its clock
        // is the real one, as the process's is, so the session is still fresh there.
        // The post limit is raised there too: the bucket it stores in the database keeps its capacity.
        try (TestService setup = TestService.builder().set("db.url", database)
                .set("rate-limits.message-post-account.capacity", "1000000")
                .clock(new TestClock(Instant.now())).start()) {
            People people = new People(setup);
            MessageFixture.Ids ids = MessageFixture.threadWithFile(
                    setup, "KILL-1", people.staff(Role.FAMILY_INSPECTOR, "kill-fi@inspectie.example"),
                    people.staff(Role.INVESTIGATOR, "kill-inv@inspectie.example"), "kill-member@example.org");
            caseId = ids.caseId();
            threadId = ids.threadId();
            member = people.signInMember("kill-member@example.org");
        }
        String path = MessageCalls.messages(caseId, threadId);
        int port = Ports.free();
        Map<String, String> environment = Map.of(
                "FL_SERVER_PORT", String.valueOf(port), "FL_DB_URL", database, "FL_DB_USER", "root",
                "FL_DB_PASSWORD", TestDatabase.password(),
                "FL_DATA_DIR", TestFolders.fresh("killed-data").toString(), "FL_CRYPTO_KEYS", ServiceProcess.testKeys(),
                "FL_SMTP_HOST", "127.0.0.1", "FL_SMTP_PORT", String.valueOf(TestMail.port()),
                "FL_SMTP_TRANSPORT", "SMTP");
        List<String> limits = List.of("rate-limits.message-post-account.capacity=1000000",
                                      "rate-limits.api-client.capacity=1000000");

        Map<String, String> answered = new ConcurrentHashMap<>();
        Set<String> cutOff = ConcurrentHashMap.newKeySet();
        try (ServiceProcess first = ServiceProcess.launch(TestFolders.fresh("killed-log").resolve("first.log"),
                                                          environment, limits).awaitHealthy()) {
            Api api = new Api(first.base(), false).as(member);
            AtomicBoolean go = new AtomicBoolean(true);
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    running.add(clients.submit(() -> {
                        while (go.get()) {
                            String key = UUID.randomUUID().toString();
                            try {
                                Reply reply = api.post(path, body(key), "Idempotency-Key", key);
                                assertEquals(201, reply.status(), reply::toString);
                                answered.put(key, reply.json().path("id").asText());
                            } catch (UncheckedIOException killed) {
                                cutOff.add(key);
                                return;
                            }
                        }
                    }));
                }
                Instant deadline = Instant.now().plusSeconds(60);
                while (answered.size() < ANSWERED_BEFORE_KILL && Instant.now().isBefore(deadline)
                       && running.stream().noneMatch(Future::isDone)) {
                    Thread.sleep(20);
                }
                for (Future<?> client : running) {
                    if (client.isDone()) {
                        client.get(); // a client that stopped before the kill shows why
                    }
                }
                first.kill();
                go.set(false);
                clients.shutdown();
                assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            }
        }
        assertTrue(answered.size() >= ANSWERED_BEFORE_KILL);

        try (ServiceProcess second = ServiceProcess.launch(TestFolders.fresh("killed-log").resolve("second.log"),
                                                           environment, limits).awaitHealthy()) {
            List<String> stored = messageIds(database, threadId);
            for (String id : answered.values()) {
                assertTrue(stored.contains(id), "message " + id + " was answered 201 before the kill");
            }
            Api api = new Api(second.base(), false).as(member);
            Set<String> allKeys = ConcurrentHashMap.newKeySet();
            allKeys.addAll(answered.keySet());
            allKeys.addAll(cutOff);
            for (int round = 0; round < 2; round++) {
                for (String key : allKeys) {
                    Reply retry = api.post(path, body(key), "Idempotency-Key", key);
                    assertEquals(201, retry.status(), retry::toString);
                    if (answered.containsKey(key)) {
                        assertEquals("true", retry.header("Idempotent-Replayed"), "a retry of an answered post");
                        assertEquals(answered.get(key), retry.json().path("id").asText());
                    }
                }
            }
            // The thread's first message, plus one message per key: answered, cut off and retried twice alike.
            assertEquals(1 + allKeys.size(), messageIds(database, threadId).size(),
                         answered.size() + " answered, " + cutOff.size() + " cut off");
        }
    }

    private static String body(String key) {
        return MessageCalls.json("text", "Bericht " + key);
    }

    private static List<String> messageIds(String database, String threadId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, "root", TestDatabase.password());
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM message WHERE thread_id = ?")) {
            statement.setString(1, threadId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
