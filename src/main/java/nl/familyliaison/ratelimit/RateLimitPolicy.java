package nl.familyliaison.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/**
 * One rate limit: at most {@code capacity} attempts per {@code period} for one key (an IP, an address, an account).
 *
 * @param name     the policy's name under {@code rate-limits}, also the prefix of its bucket ids
 * @param capacity how many attempts a full bucket allows at once
 * @param period   how long an empty bucket takes to fill up again
 * @param shared   whether the buckets live in MariaDB (every instance counts together) or in this process
 */
public record RateLimitPolicy(String name, long capacity, Duration period, boolean shared) {

    /**
     * The bucket for one key. The refill is gradual (greedy) rather than all at once at the end of the period, so a
     * person who was stopped can try again after period/capacity instead of waiting out the whole period.
     */
    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }
}
