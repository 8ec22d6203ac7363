package nl.familyliaison.ratelimit;

import static nl.familyliaison.ratelimit.RateLimitInstances.useUp;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shared policies hold across instances: two limiters, each on its own connection pool like two service instances,
 * count against the same buckets in MariaDB. Time is a test clock, so refills happen when the test says so.
 */
class SharedRateLimitTest {

    private static final String SIGN_IN_CODE = "code-request-ip";
    private static final String ADDRESS = "code-request-address";
    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");

    private static RateLimitInstances instances;
    private static RateLimiter first;
    private static RateLimiter second;

    @BeforeAll
    static void start() {
        instances = new RateLimitInstances(Map.of("rate-limits.code-request-ip.capacity", "10",
                                                  "rate-limits.code-request-ip.period", "PT15M",
                                                  "rate-limits.code-request-address.capacity", "5",
                                                  "rate-limits.code-request-address.period", "PT1H"));
        first = instances.limiter(CLOCK);
        second = instances.limiter(CLOCK);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void twoInstancesTogetherLetExactlyTheCapacityThrough() throws Exception {
        int attempts = 40;
        List<ProblemException> refusals = attemptAllAtOnce(attempts, "198.51.100.1");

        assertEquals(attempts - 10, refusals.size(), "exactly the capacity of 10 got through");
        for (ProblemException refusal : refusals) {
            assertEquals(ProblemType.RATE_LIMITED, refusal.type());
            assertTrue(Long.parseLong(refusal.headers().get("Retry-After")) >= 1);
        }
    }

    @Test
    void retryAfterSaysWhenTheNextAttemptWillWork() {
        String ip = "198.51.100.2";
        useUp(first, SIGN_IN_CODE, ip, 10);
        ProblemException refused = assertThrows(ProblemException.class, () -> second.consume(SIGN_IN_CODE, ip));

        // Ten per fifteen minutes come back one at a time: one every 90 seconds.
        assertEquals("90", refused.headers().get("Retry-After"));
        assertTrue(refused.getMessage().contains("2 minutes"), refused.getMessage());
        CLOCK.advance(Duration.ofSeconds(89));
        assertThrows(ProblemException.class, () -> first.consume(SIGN_IN_CODE, ip));
        CLOCK.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> second.consume(SIGN_IN_CODE, ip));
        assertThrows(ProblemException.class, () -> first.consume(SIGN_IN_CODE, ip));
    }

    @Test
    void afterAWholePeriodTheWholeCapacityIsBack() {
        String address = "after.a.period@example.org";
        useUp(first, ADDRESS, address, 5);
        assertThrows(ProblemException.class, () -> second.consume(ADDRESS, address));

        CLOCK.advance(Duration.ofHours(1));
        useUp(second, ADDRESS, address, 5);
        assertThrows(ProblemException.class, () -> first.consume(ADDRESS, address));
    }

    @Test
    void differentKeysAndPoliciesDoNotShareABucket() {
        useUp(first, SIGN_IN_CODE, "198.51.100.3", 10);
        assertThrows(ProblemException.class, () -> first.consume(SIGN_IN_CODE, "198.51.100.3"));

        assertDoesNotThrow(() -> second.consume(SIGN_IN_CODE, "198.51.100.4"));
        assertDoesNotThrow(() -> second.consume("code-check-ip", "198.51.100.3"));
    }

    @Test
    void bucketIdsHoldNoAddressOrIp() throws Exception {
        String address = "Sam.Jansen@example.org";
        String ip = "203.0.113.77";
        first.consume(ADDRESS, address);
        second.consume(SIGN_IN_CODE, ip);

        List<String> ids = instances.bucketIds();
        assertTrue(ids.contains(first.bucketId(first.policy(ADDRESS), address)), ids::toString);
        assertTrue(ids.contains(first.bucketId(first.policy(SIGN_IN_CODE), ip)), ids::toString);
        assertFalse(ids.contains(ADDRESS + ":" + sha256(address)), "a plain hash of a guessed address finds no id");
        assertFalse(ids.contains(SIGN_IN_CODE + ":" + sha256(ip)), "a plain hash of a guessed IP finds no id");
        assertAll(ids.stream().map(id -> () -> {
            assertTrue(id.matches("[a-z-]+:[0-9a-f]{64}"), id);
            assertFalse(id.contains("@") || id.contains("example") || id.contains("203.0.113"), id);
        }));
    }

    @Test
    void bucketsThatAreFullAgainAreRemoved() throws SQLException {
        String address = "cleaned.up@example.org";
        first.consume(ADDRESS, address);
        String id = first.bucketId(first.policy(ADDRESS), address);
        first.removeExpired();
        assertTrue(instances.bucketIds().contains(id), "a bucket that is not full yet stays");

        // Full again after 12 minutes (five an hour), then kept a minute longer for instances whose clocks differ.
        CLOCK.advance(Duration.ofMinutes(12).plusSeconds(30));
        second.removeExpired();
        assertTrue(instances.bucketIds().contains(id), "a bucket just full again stays a minute");
        CLOCK.advance(Duration.ofMinutes(1));
        second.removeExpired();
        assertFalse(instances.bucketIds().contains(id));
    }

    @Test
    void theCleanUpRunsByItselfNowAndThen() throws Exception {
        String address = "left.behind@example.org";
        first.consume(ADDRESS, address);
        String id = first.bucketId(first.policy(ADDRESS), address);

        // An hour on, the bucket is long full again and a clean-up is long due.
        CLOCK.advance(Duration.ofHours(1));
        first.consume(ADDRESS, "someone.else@example.org");

        Instant deadline = Instant.now().plusSeconds(20);
        while (instances.bucketIds().contains(id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertFalse(instances.bucketIds().contains(id), "the clean-up that the later attempt started removed it");
    }

    /** Every attempt starts at the same moment, alternating between the two instances. */
    private static List<ProblemException> attemptAllAtOnce(int attempts, String key) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ProblemException>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                RateLimiter instance = i % 2 == 0 ? first : second;
                outcomes.add(threads.submit(() -> {
                    go.await();
                    return refusalOf(() -> instance.consume(SIGN_IN_CODE, key));
                }));
            }
            go.countDown();
        }
        List<ProblemException> refusals = new ArrayList<>();
        for (Future<ProblemException> outcome : outcomes) {
            if (outcome.get() != null) {
                refusals.add(outcome.get());
            }
        }
        return refusals;
    }

    private static ProblemException refusalOf(Runnable attempt) {
        try {
            attempt.run();
            return null;
        } catch (ProblemException refused) {
            return refused;
        }
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                                          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
