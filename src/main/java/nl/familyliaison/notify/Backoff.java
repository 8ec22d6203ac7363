package nl.familyliaison.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: doubling from {@code base} up to {@code max}, spread by ±20 % so that many
 * mails that failed together (an SMTP outage) do not all come back at the same moment.
 */
public record Backoff(Duration base, Duration max) {

    private static final double JITTER = 0.2;

    /** The wait before try number {@code attempt + 1}, after {@code attempt} failed tries (1 or more). */
    public Duration delay(int attempt, RandomGenerator random) {
        double factor = Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 30));
        double millis = Math.min(base.toMillis() * factor, max.toMillis());
        double spread = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(millis * spread)));
    }
}
