package nl.familyliaison.ratelimit;

import static nl.familyliaison.ratelimit.RateLimitInstances.useUp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Local policies count in the process: same answers as shared ones, no database, each instance on its own. */
class LocalRateLimitTest {

    private static final String API = "api-client";
    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");

    private static RateLimitInstances instances;
    private static RateLimiter limiter;

    @BeforeAll
    static void start() {
        instances = new RateLimitInstances(Map.of("rate-limits.api-client.capacity", "3",
                                                  "rate-limits.api-client.period", "PT1M"));
        limiter = instances.limiter(CLOCK);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void theCapacityGetsThroughThenAttemptsWaitForTheRefill() {
        useUp(limiter, API, "session:a", 3);
        ProblemException refused = assertThrows(ProblemException.class, () -> limiter.consume(API, "session:a"));
        assertEquals(ProblemType.RATE_LIMITED, refused.type());
        assertEquals("20", refused.headers().get("Retry-After"), "three a minute: one back every 20 seconds");
        assertEquals("Too many attempts. Please wait 20 seconds and try again.", refused.getMessage());

        CLOCK.advance(Duration.ofSeconds(20));
        assertDoesNotThrow(() -> limiter.consume(API, "session:a"));
        assertThrows(ProblemException.class, () -> limiter.consume(API, "session:a"));
    }

    @Test
    void eachInstanceCountsForItselfAndStoresNothing() throws SQLException {
        RateLimiter otherInstance = instances.limiter(CLOCK);
        useUp(limiter, API, "ip:192.0.2.10", 3);
        assertThrows(ProblemException.class, () -> limiter.consume(API, "ip:192.0.2.10"));

        assertDoesNotThrow(() -> useUp(otherInstance, API, "ip:192.0.2.10", 3));
        assertEquals(List.of(), instances.bucketIds());
    }

    @Test
    void bucketsThatAreFullAgainAreForgotten() {
        RateLimiter fresh = instances.limiter(CLOCK);
        fresh.consume(API, "session:b");
        fresh.consume(API, "session:c");
        assertEquals(0, fresh.removeExpired(), "buckets that are still refilling stay");

        CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(2, fresh.removeExpired());
        useUp(fresh, API, "session:b", 3);
        assertThrows(ProblemException.class, () -> fresh.consume(API, "session:b"));
    }
}
