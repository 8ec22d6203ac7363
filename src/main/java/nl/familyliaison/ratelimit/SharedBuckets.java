package nl.familyliaison.ratelimit;

import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Buckets in MariaDB: every instance of the service counts against the same limit. */
final class SharedBuckets implements Buckets {

    /** Small batches keep each delete short, so it never holds up the attempts that lock rows. */
    private static final int DELETE_BATCH = 500;

    private final MariaDbProxyManager proxies;

    SharedBuckets(MariaDbProxyManager proxies) {
        this.proxies = proxies;
    }

    @Override
    public ConsumptionProbe takeOne(String bucketId, Supplier<BucketConfiguration> newBucket) {
        return proxies.getProxy(bucketId, newBucket).tryConsumeAndReturnRemaining(1);
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
