package nl.familyliaison.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;

/** Buckets in this process only: no database round trip, each instance counts for itself. */
final class LocalBuckets implements Buckets {

    private final Map<String, LocalBucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter clock;

    LocalBuckets(TimeMeter clock) {
        this.clock = clock;
    }

    /** The token is taken while the map holds the bucket's entry, so removing a full bucket never loses a token. */
    @Override
    public ConsumptionProbe takeOne(String bucketId, Supplier<BucketConfiguration> newBucket) {
        AtomicReference<ConsumptionProbe> probe = new AtomicReference<>();
        buckets.compute(bucketId, (id, bucket) -> {
            LocalBucket current = bucket != null ? bucket : create(newBucket.get());
            probe.set(current.tryConsumeAndReturnRemaining(1));
            return current;
        });
        return probe.get();
    }

    @Override
    public void takeOneOnCredit(String bucketId, Supplier<BucketConfiguration> newBucket) {
        buckets.compute(bucketId, (id, bucket) -> {
            LocalBucket current = bucket != null ? bucket : create(newBucket.get());
            current.consumeIgnoringRateLimits(1);
            return current;
        });
    }

    @Override
    public long debt(String bucketId, Supplier<BucketConfiguration> newBucket) {
        LocalBucket bucket = buckets.get(bucketId);
        return bucket == null ? 0 : Math.max(0, -bucket.getAvailableTokens());
    }

    @Override
    public int removeExpired() {
        AtomicInteger removed = new AtomicInteger();
        for (String id : buckets.keySet()) {
            buckets.computeIfPresent(id, (key, bucket) -> {
                if (!isFull(bucket)) {
                    return bucket;
                }
                removed.incrementAndGet();
                return null;
            });
        }
        return removed.get();
    }

    private LocalBucket create(BucketConfiguration configuration) {
        var builder = Bucket.builder().withCustomTimePrecision(clock);
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    private static boolean isFull(LocalBucket bucket) {
        long capacity = bucket.getConfiguration().getBandwidths()[0].getCapacity();
        return bucket.getAvailableTokens() >= capacity;
    }
}
