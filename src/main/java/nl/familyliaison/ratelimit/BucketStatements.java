package nl.familyliaison.ratelimit;

import io.helidon.config.Config;

/**
 * The SQL of the shared buckets, taken from the named statements in {@code statements/ratelimit.yaml}.
 *
 * @param lock          select a bucket's state for update
 * @param create        insert an empty bucket row unless it exists
 * @param save          update a bucket's state and expiry
 * @param delete        delete one bucket
 * @param deleteExpired delete a batch of buckets that are full again
 */
record BucketStatements(String lock, String create, String save, String delete, String deleteExpired) {

    /**
     * Reads the statements from the {@code db.statements} node.
     *
     * @throws IllegalStateException naming the statement when one is missing
     */
    static BucketStatements from(Config statements) {
        return new BucketStatements(named(statements, "ratelimit-lock-bucket"),
                                    named(statements, "ratelimit-create-bucket"),
                                    named(statements, "ratelimit-save-bucket"),
                                    named(statements, "ratelimit-delete-bucket"),
                                    named(statements, "ratelimit-delete-expired"));
    }

    static String named(Config statements, String name) {
        return statements.get(name).asString().asOptional()
                .filter(sql -> !sql.isBlank())
                .orElseThrow(() -> new IllegalStateException("The named statement " + statements.key() + "."
                                                             + name + " is missing"));
    }
}
