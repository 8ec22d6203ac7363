package nl.familyliaison.ratelimit;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Database;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Without MariaDB a shared limit cannot be counted: the attempt is then neither let through unchecked nor answered
 * with a 500, but gets the service's 503 "try again soon" like every other request that needs the database.
 */
class RateLimitOutageTest {

    @Test
    void aSharedLimitWithoutItsDatabaseAnswers503() {
        Config config = TestService.config(Map.of("db.url", "jdbc:mariadb://127.0.0.1:9/nothing-listens-here",
                                                  "db.pool.connect-timeout", "PT1S"));
        try (Database away = Database.open(config.get("db"), Path.of("unused"))) {
            RateLimiter limiter = new RateLimiter(away.dataSource(), config.get("db.statements"),
                                                  config.get("rate-limits"), TestClock.at("2026-03-02T09:00:00Z"),
                                                  RateLimitInstances.BUCKET_ID_KEY);
            try (FixtureServer server = new FixtureServer((chain, req, res) -> chain.proceed(), routes -> routes
                    .post("/api/fixture/sign-in", ApiRoutes.PUBLIC, (req, res) -> {
                        limiter.consume("staff-password-ip", req.remotePeer().host());
                        res.send("signed in");
                    }))) {
                Reply reply = server.api().post("/api/fixture/sign-in", "{}");

                assertProblem(reply, 503, "service-unavailable");
                assertEquals("5", reply.header("Retry-After"));
            }
        }
    }
}
