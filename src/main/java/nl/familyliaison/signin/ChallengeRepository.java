package nl.familyliaison.signin;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Sign-in challenges: one per "send me a code", holding the keyed hash of the code. */
public final class ChallengeRepository {

    private final Supplier<DbExecute> db;

    ChallengeRepository(DbClient db) {
        this(db::execute);
    }

    private ChallengeRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    public ChallengeRepository in(DbExecute tx) {
        return new ChallengeRepository(() -> tx);
    }

    public void insert(String id, String accountId, KeyRing.Sealed codeHash, Instant now, Instant expiresAt) {
        db.get().createNamedInsert("challenge-insert")
                .addParam("id", id)
                .addParam("accountId", accountId)
                .addParam("codeKeyId", codeHash.keyId())
                .addParam("codeHash", codeHash.bytes())
                .addParam("now", Rows.utc(now))
                .addParam("expiresAt", Rows.utc(expiresAt))
                .execute();
    }

    public Optional<Challenge> byId(String id) {
        return db.get().createNamedGet("challenge-select").addParam("id", id).execute()
                .map(row -> new Challenge(Rows.text(row, "id"), Rows.text(row, "account_id"),
                                          new KeyRing.Sealed(Rows.text(row, "code_key_id"),
                                                             Rows.bytes(row, "code_hash"))));
    }

    /** Counts one try; false when the challenge is used, expired or out of tries (then the try does not count). */
    public boolean countAttempt(String id, int maxAttempts, Instant now) {
        return db.get().createNamedUpdate("challenge-count-attempt")
                       .addParam("id", id).addParam("maxAttempts", maxAttempts).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    /** Marks the challenge used; false when it already was (a code works once). */
    public boolean use(String id, Instant now) {
        return db.get().createNamedUpdate("challenge-use").addParam("id", id).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    /** Deletes (a batch of at most 1000) challenges that expired before {@code before}; how many went. */
    public long deleteExpiredBefore(Instant before) {
        return db.get().createNamedDelete("challenge-delete-expired").addParam("before", Rows.utc(before)).execute();
    }

    /** A stored challenge. */
    public record Challenge(String id, String accountId, KeyRing.Sealed codeHash) {
    }
}
