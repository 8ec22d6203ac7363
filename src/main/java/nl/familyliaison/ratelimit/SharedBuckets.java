package nl.familyliaison.ratelimit;

import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import nl.familyliaison.platform.Transactions;

/** Buckets in MariaDB: every instance of the service counts against the same limit. */
final class SharedBuckets implements Buckets {

    /** Small batches keep each delete short, so it never holds up the attempts that lock rows. */
    private static final int DELETE_BATCH = 500;

    private final MariaDbProxyManager proxies;

    SharedBuckets(MariaDbProxyManager proxies) {
        this.proxies = proxies;
    }

    /** How often an attempt is made again after it lost a deadlock (for instance against the clean-up's delete). */
    private static final int ATTEMPTS = 3;

    @Override
    public ConsumptionProbe takeOne(String bucketId, Supplier<BucketConfiguration> newBucket) {
        return retrying(() -> proxies.getProxy(bucketId, newBucket).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void takeOneOnCredit(String bucketId, Supplier<BucketConfiguration> newBucket) {
        retrying(() -> proxies.getProxy(bucketId, newBucket).consumeIgnoringRateLimits(1));
    }

    @Override
    public long debt(String bucketId, Supplier<BucketConfiguration> newBucket) {
        return Math.max(0, -retrying(() -> proxies.getProxy(bucketId, newBucket).getAvailableTokens()));
    }

    private static <T> T retrying(Supplier<T> attempt) {
        for (int count = 1; ; count++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                // The victim's transaction was rolled back whole: nothing was taken, so trying again is safe.
                if (count >= ATTEMPTS || !Transactions.isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = proxies.removeExpired(DELETE_BATCH);
            removed += batch;
        } while (batch == DELETE_BATCH);
        return removed;
    }
}
