package nl.familyliaison.platform;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database goes away and comes back while the service runs: 503 meanwhile, recovery without a restart. */
class DatabaseOutageTest {

    private static EmbeddedMariaDb database;
    private static TestService service;

    @BeforeAll
    static void start() {
        database = TestDatabase.privateServer("mariadb-outage");
        service = TestService.builder()
                .set("db.url", database.createDatabase("outage"))
                .set("db.pool.connect-timeout", "PT1S")
                .start();
    }

    @AfterAll
    static void stop() {
        service.close();
        database.close();
    }

    @Test
    void readinessAndDataRequestsFollowTheDatabase() {
        Api api = service.api();
        assertEquals(204, api.get("/observe/health/ready").status());
        assertEquals(202, codeRequest(api).status());
        assertEquals(200, api.get("/api/phases").status());

        database.close();
        eventually(() -> api.get("/observe/health/ready"), 503);
        // The reason shows on the management port only.
        Reply details = service.management().get("/observe/health/ready");
        assertEquals(503, details.status());
        assertEquals("DOWN", details.json().path("status").asText());
        Reply data = codeRequest(api);
        assertProblem(data, 503, "service-unavailable");
        assertNotNull(data.header("Retry-After"));
        assertEquals(204, api.get("/observe/health/live").status(), "the process itself stays alive");
        assertEquals(9, api.get("/api/phases").json().path("phases").size(),
                     "the phases come from the migrations and are kept in memory once read");

        database.resume();
        eventually(() -> api.get("/observe/health/ready"), 204);
        eventually(() -> codeRequest(api), 202);
    }

    /**
     * The same under load: 16 clients keep reading and signing in while the database goes away and comes back. Every
     * answer is a success or a 503 problem+json with Retry-After (never a 500, never a dropped connection),
     * readiness goes DOWN and then UP, and the service recovers without a restart.
     */
    @Test
    void underLoadEveryAnswerIsASuccessOrA503AndTheServiceRecovers() throws Exception {
        Api api = service.api().unchecked();
        List<String> wrong = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger sinceResume = new AtomicInteger();
        AtomicBoolean resumed = new AtomicBoolean();
        AtomicBoolean go = new AtomicBoolean(true);
        List<String> readiness = new CopyOnWriteArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                int client = i;
                clients.submit(() -> {
                    while (go.get()) {
                        Reply reply;
                        try {
                            reply = client % 2 == 0 ? api.get("/api/phases")
                                    : api.post("/api/sign-in/code-requests",
                                               "{\"email\":\"load-" + UUID.randomUUID() + "@example.org\"}");
                        } catch (RuntimeException e) {
                            wrong.add("no answer: " + e);
                            continue;
                        }
                        statuses.merge(reply.status(), 1, Integer::sum);
                        if (reply.status() == 503) {
                            if (!String.valueOf(reply.contentType()).startsWith("application/problem+json")
                                || reply.header("Retry-After") == null) {
                                wrong.add("a 503 without problem+json or Retry-After: " + reply);
                            }
                        } else if (reply.status() != 200 && reply.status() != 202) {
                            wrong.add(reply.toString());
                        } else if (resumed.get()) {
                            sinceResume.incrementAndGet();
                        }
                    }
                });
            }
            clients.submit(() -> {
                while (go.get()) {
                    String state = api.get("/observe/health/ready").status() == 204 ? "UP" : "DOWN";
                    if (readiness.isEmpty() || !readiness.getLast().equals(state)) {
                        readiness.add(state);
                    }
                    sleep();
                }
            });
            Thread.sleep(1000);
            database.close();
            awaitTrue(() -> readiness.contains("DOWN") && statuses.getOrDefault(503, 0) > 20);
            database.resume();
            resumed.set(true);
            awaitTrue(() -> readiness.getLast().equals("UP") && sinceResume.get() > 100);
            go.set(false);
        }
        assertEquals(List.of(), wrong.stream().limit(10).toList(), statuses.toString());
        assertEquals(List.of("UP", "DOWN", "UP"), readiness);
        assertEquals(200, api.get("/api/phases").status());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within 30 seconds");
            sleep();
        }
    }

    /** A request that needs the database (a rate-limit bucket and an outbox row). */
    private static Reply codeRequest(Api api) {
        return api.post("/api/sign-in/code-requests", "{\"email\":\"outage-" + UUID.randomUUID() + "@example.org\"}");
    }

    private static Reply eventually(Supplier<Reply> request, int status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Reply reply = request.get();
        while (reply.status() != status && Instant.now().isBefore(deadline)) {
            sleep();
            reply = request.get();
        }
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
