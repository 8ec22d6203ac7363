package nl.familyliaison.ratelimit;

import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the buckets of a policy live: in MariaDB for every instance, or in this process. */
interface Buckets {

    /**
     * Takes one token from the bucket with this id, creating the bucket full when it does not exist.
     *
     * @return whether it was taken, and otherwise how long until it could be
     */
    ConsumptionProbe takeOne(String bucketId, Supplier<BucketConfiguration> newBucket);

    /**
     * Takes one token even from an empty bucket, which then owes it (goes below zero); for counting failures that
     * slow down rather than refuse.
     */
    void takeOneOnCredit(String bucketId, Supplier<BucketConfiguration> newBucket);

    /** How many tokens the bucket owes: 0 while it holds any. */
    long debt(String bucketId, Supplier<BucketConfiguration> newBucket);

    /** Forgets buckets that are full again (a full bucket is the same as a new one); says how many. */
    int removeExpired();
}
