package nl.familyliaison.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.helidon.config.Config;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Scrub;

/**
 * The rate limits the features call before they do something that can be abused: one attempt takes one token from
 * the bucket of a policy and a key (an IP, an address, an account); an empty bucket means 429 with Retry-After.
 *
 * <p>Keys are hashed with a secret key (HMAC-SHA256) before they become bucket ids, so no address or IP is ever
 * stored, and a bucket id cannot be matched to a guessed address or IP by anyone who reads the table without the key. Buckets that are full again
 * are removed every {@link #CLEAN_UP_EVERY}, on a virtual thread started by whichever attempt comes due first.
 */
public final class RateLimiter {

    /**
     * Often enough that the in-process buckets of the per-minute API limit cannot pile up (one per client seen in the
     * last minutes); cheap enough, since the shared part is one indexed delete per instance.
     */
    static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final RateLimitPolicies policies;
    private final Buckets shared;
    private final Buckets local;
    private final TokenRepository tokens;
    private final Clock clock;
    private final SecretKeySpec bucketIdKey;
    private final AtomicReference<Instant> nextCleanUp;

    /**
     * @param dataSource the service's connection pool (shared buckets)
     * @param statements the {@code db.statements} node with the {@code ratelimit-…} statements
     * @param rateLimits the {@code rate-limits} node with one entry per policy
     * @param clock      the service's clock; it drives refills, so a test can move it
     * @param bucketIdKey the HMAC key that turns keys into bucket ids (the same on every instance)
     * @throws IllegalStateException when a policy or statement is missing or malformed
     */
    public RateLimiter(DataSource dataSource, Config statements, Config rateLimits, Clock clock, byte[] bucketIdKey) {
        TimeMeter time = new ClockTimeMeter(clock);
        this.policies = RateLimitPolicies.from(rateLimits);
        this.shared = new SharedBuckets(new MariaDbProxyManager(dataSource, statements, time));
        this.local = new LocalBuckets(time);
        this.tokens = new TokenRepository(dataSource, statements);
        this.clock = clock;
        this.bucketIdKey = new SecretKeySpec(bucketIdKey, "HmacSHA256");
        this.nextCleanUp = new AtomicReference<>(clock.instant().plus(CLEAN_UP_EVERY));
    }

    /**
     * The policy with this name; features look theirs up when they are built, so a wrong name stops the start.
     *
     * @throws IllegalArgumentException when no such policy is configured
     */
    public RateLimitPolicy policy(String name) {
        return policies.get(name);
    }

    /**
     * Counts one attempt of {@code key} under the named policy.
     *
     * @throws ProblemException         429 with Retry-After when the key has no attempts left
     * @throws IllegalArgumentException when no such policy is configured
     */
    public void consume(String policy, String key) {
        consume(policy(policy), key);
    }

    /**
     * Counts one attempt of {@code key} under {@code policy}.
     *
     * @param key anything that identifies who is trying (normalise it first, e.g. lower-case an address); it is
     *            hashed before it is kept anywhere
     * @throws ProblemException 429 with Retry-After when the key has no attempts left
     */
    public void consume(RateLimitPolicy policy, String key) {
        ConsumptionProbe probe = take(policy, key);
        if (!probe.isConsumed()) {
            throw tooManyAttempts(probe.getNanosToWaitForRefill());
        }
    }

    /**
     * Counts one attempt of {@code key} under a shared {@code policy} inside the caller's transaction {@code tx}:
     * one upsert and one read instead of a transaction of its own. Call it first in the transaction, so the row lock
     * it takes is held while the rest of the write runs and a refusal rolls nothing back but itself. Its counts are
     * kept apart from {@link #consume}'s: a policy is counted one way or the other, never both.
     *
     * A policy configured as not shared is counted in this process, as {@link #consume} does.
     *
     * @throws ProblemException 429 with Retry-After when the key has no attempts left; the caller's transaction
     *                          then rolls back, and with it nothing was taken
     */
    public void consume(DbExecute tx, RateLimitPolicy policy, String key) {
        if (!policy.shared()) {
            consume(policy, key);
            return;
        }
        cleanUpWhenDue();
        long waitMillis = tokens.takeOne(tx, policy, bucketId(policy, key), clock.millis());
        if (waitMillis > 0) {
            throw tooManyAttempts(waitMillis * NANOS_PER_MILLI);
        }
    }

    /**
     * Counts one attempt of {@code key} under the named policy, for a caller that must answer the same either way.
     *
     * @return whether the key had an attempt left
     */
    public boolean tryConsume(String policy, String key) {
        return take(policy(policy), key).isConsumed();
    }

    /** Counts one failure of {@code key}, even past the limit: the bucket then owes attempts (see {@link #excess}). */
    public void countFailure(String policy, String key) {
        RateLimitPolicy limit = policy(policy);
        cleanUpWhenDue();
        buckets(limit).takeOneOnCredit(bucketId(limit, key), limit::bucket);
    }

    /** How many attempts of {@code key} went past the named policy's limit and have not been refilled yet. */
    public long excess(String policy, String key) {
        RateLimitPolicy limit = policy(policy);
        return buckets(limit).debt(bucketId(limit, key), limit::bucket);
    }

    private ConsumptionProbe take(RateLimitPolicy policy, String key) {
        cleanUpWhenDue();
        return buckets(policy).takeOne(bucketId(policy, key), policy::bucket);
    }

    private Buckets buckets(RateLimitPolicy policy) {
        return policy.shared() ? shared : local;
    }

    /** Removes every bucket that is full again, shared and local; says how many. */
    public int removeExpired() {
        return shared.removeExpired() + tokens.removeExpired(clock.millis()) + local.removeExpired();
    }

    /**
     * The policy name and an HMAC-SHA256 of the key: tells policies apart and keeps the key itself out of storage.
     * A plain hash would not: the addresses and IPs worth checking are few enough to hash them all and compare.
     */
    String bucketId(RateLimitPolicy policy, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(bucketIdKey);
            return policy.name() + ":" + HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    static ProblemException tooManyAttempts(long nanosToWait) {
        long seconds = Math.max(1, Math.ceilDiv(nanosToWait, NANOS_PER_SECOND));
        return new ProblemException(ProblemType.RATE_LIMITED,
                                    "Too many attempts. Please wait " + inWords(seconds) + " and try again.",
                                    List.of(), Map.of("Retry-After", String.valueOf(seconds)));
    }

    private static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = Math.ceilDiv(seconds, 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private void cleanUpWhenDue() {
        Instant due = nextCleanUp.get();
        Instant now = clock.instant();
        if (now.isBefore(due) || !nextCleanUp.compareAndSet(due, now.plus(CLEAN_UP_EVERY))) {
            return;
        }
        Thread.ofVirtual().name("rate-limit-clean-up").start(this::cleanUpQuietly);
    }

    /** A failed clean-up only leaves rows for the next one; it must never fail the attempt that started it. */
    private void cleanUpQuietly() {
        try {
            int removed = removeExpired();
            LOG.fine(() -> "Removed " + removed + " rate limit bucket(s) that were full again");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate limit clean-up failed; the next one will try again: "
                                   + Scrub.text(e.getMessage()));
        }
    }
}
