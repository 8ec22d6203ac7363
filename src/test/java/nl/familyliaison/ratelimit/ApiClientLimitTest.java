package nl.familyliaison.ratelimit;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The general API limit as a client meets it: its filter in a fixture server wired like the service, in front of an
 * API route and a page. A new limiter (and so a new count) for every test.
 */
class ApiClientLimitTest {

    private static final String SESSION = "__Host-fl-session";

    private static RateLimitInstances instances;
    private FixtureServer server;
    private Api api;

    @BeforeAll
    static void database() {
        instances = new RateLimitInstances(Map.of("rate-limits.api-client.capacity", "3",
                                                  "rate-limits.api-client.period", "PT1M"));
    }

    @AfterAll
    static void closeDatabase() {
        instances.close();
    }

    @BeforeEach
    void start() {
        ApiClientLimit limit = new ApiClientLimit(instances.limiter(TestClock.at("2026-03-02T09:00:00Z")));
        server = new FixtureServer(limit::filter, routes -> routes
                .get("/api/fixture/ping", ApiRoutes.PUBLIC, (req, res) -> res.send("pong"))
                .get("/fixture/page", ApiRoutes.PUBLIC, (req, res) -> res.send("page")));
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/api/fixture/ping").status());
        }
        Reply refused = api.get("/api/fixture/ping");

        JsonNode problem = assertProblem(refused, 429, "rate-limited");
        assertEquals("20", refused.header("Retry-After"), "three a minute: the next one in 20 seconds");
        assertEquals("Too many attempts. Please wait 20 seconds and try again.", problem.path("detail").asText());
        assertEquals("no-store", refused.header("Cache-Control"));
    }

    @Test
    void aMadeUpSessionCookieDoesNotEscapeTheCount() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/api/fixture/ping", "Cookie", SESSION + "=made-up-" + i).status());
        }
        assertEquals(429, api.get("/api/fixture/ping", "Cookie", SESSION + "=made-up-3").status());
    }

    @Test
    void withoutASessionRequestsFromOneIpShareACount() {
        assertEquals(200, api.get("/api/fixture/ping").status());
        assertEquals(200, api.get("/api/fixture/ping", "Cookie", "other-cookie=1").status());
        assertEquals(200, api.get("/api/fixture/ping").status());
        assertEquals(429, api.get("/api/fixture/ping", "Cookie", "other-cookie=2").status());
    }

    @Test
    void onlyApiRequestsAreCounted() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/fixture/page").status());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/api/fixture/ping").status());
        }
        assertEquals(429, api.get("/api/fixture/ping").status());
        assertEquals(200, api.get("/fixture/page").status(), "pages still load while the API says wait");
    }
}
