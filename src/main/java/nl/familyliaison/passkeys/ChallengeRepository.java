package nl.familyliaison.passkeys;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** The challenges of passkey ceremonies, each kept as a keyed hash only. */
final class ChallengeRepository {

    /** What a challenge is for. */
    enum Purpose { REGISTRATION, SIGN_IN }

    /** A stored challenge: its purpose, the session it belongs to (registration), the keyed hash of its value. */
    record Challenge(String id, Purpose purpose, String sessionId, KeyRing.Sealed hash) {
    }

    private final DbClient db;

    ChallengeRepository(DbClient db) {
        this.db = db;
    }

    /** Stores a challenge, and clears out a batch of expired ones (they are of no use to anyone). */
    void insert(Challenge challenge, Instant now, Instant expiresAt) {
        db.execute().createNamedDelete("passkey-challenge-delete-expired").addParam("before", Rows.utc(now))
                .execute();
        db.execute().createNamedInsert("passkey-challenge-insert")
                .addParam("id", challenge.id())
                .addParam("purpose", challenge.purpose().name())
                .addParam("sessionId", challenge.sessionId())
                .addParam("keyId", challenge.hash().keyId())
                .addParam("hash", challenge.hash().bytes())
                .addParam("now", Rows.utc(now))
                .addParam("expiresAt", Rows.utc(expiresAt))
                .execute();
    }

    /**
     * Takes a challenge for one ceremony: it is found, unused and not expired, and from now on used. Empty
     * otherwise, so a replayed or late answer finds nothing.
     */
    Optional<Challenge> take(String id, Instant now) {
        Optional<Challenge> found = db.execute().createNamedGet("passkey-challenge-select").addParam("id", id)
                .execute()
                .map(row -> new Challenge(Rows.text(row, "id"), Purpose.valueOf(Rows.text(row, "purpose")),
                                          Rows.text(row, "session_id"),
                                          new KeyRing.Sealed(Rows.text(row, "challenge_key_id"),
                                                             Rows.bytes(row, "challenge_hash"))));
        boolean taken = found.isPresent()
                        && db.execute().createNamedUpdate("passkey-challenge-use").addParam("id", id)
                                   .addParam("now", Rows.utc(now)).execute() == 1;
        return taken ? found : Optional.empty();
    }
}
