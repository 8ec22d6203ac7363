package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesWithinTwentyPercent() {
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long expected = 30_000L << (attempt - 1);
            long delay = backoff.delay(attempt, random).toMillis();
            assertTrue(delay >= expected * 0.8 && delay <= expected * 1.2, attempt + ": " + delay);
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximumAndSpread() {
        Random random = new Random(11);
        for (int attempt = 8; attempt < 100; attempt++) {
            long delay = backoff.delay(attempt, random).toMillis();
            assertTrue(delay <= Duration.ofHours(1).toMillis() * 1.2 && delay >= Duration.ofHours(1).toMillis() * 0.8);
        }
    }
}
