package nl.familyliaison.platform;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
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
        assertEquals(200, api.get("/observe/health/ready").status());
        assertEquals(200, api.get("/api/phases").status());

        database.close();
        Reply ready = eventually(() -> api.get("/observe/health/ready"), 503);
        assertEquals("DOWN", ready.json().path("status").asText());
        Reply data = api.get("/api/phases");
        assertProblem(data, 503, "service-unavailable");
        assertNotNull(data.header("Retry-After"));
        assertEquals(200, api.get("/observe/health/live").status(), "the process itself stays alive");

        database.resume();
        eventually(() -> api.get("/observe/health/ready"), 200);
        Reply again = eventually(() -> api.get("/api/phases"), 200);
        assertEquals(9, again.json().path("phases").size());
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
