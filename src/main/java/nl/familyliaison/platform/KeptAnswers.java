package nl.familyliaison.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;

/**
 * What {@link Idempotency} keeps per person and key: the claim with the request's hash, then the answer, sealed (an
 * answer may hold what the person wrote) and bound to its person and key.
 */
record KeptAnswers(IdempotencyRepository repository, KeyRing keys, Clock clock) {

    /** Claims the key for a request with this hash; false when the key was claimed before. */
    boolean claim(DbExecute tx, String accountId, String key, byte[] hash) {
        return repository.claim(tx, accountId, key, hash, clock.instant());
    }

    /** Keeps the first answer for the claimed key. */
    void keep(DbExecute tx, String accountId, String key, Idempotency.Answer answer) {
        repository.complete(tx, accountId, key, answer.status(), keys.seal(answer.body(), context(accountId, key)),
                            answer.objectId());
    }

    Optional<IdempotencyRepository.Stored> find(DbExecute tx, String accountId, String key) {
        return repository.find(tx, accountId, key);
    }

    /** The kept answer, opened, as a retry gets it. */
    Idempotency.Answer replay(IdempotencyRepository.Stored stored, String accountId, String key) {
        return new Idempotency.Answer(stored.status(), keys.open(stored.body(), context(accountId, key)),
                                      stored.objectId(), true);
    }

    void forget(DbExecute tx, String accountId) {
        repository.deleteOf(tx, accountId);
    }

    long deleteBefore(DbExecute tx, Instant before) {
        return repository.deleteBefore(tx, before);
    }

    private static String context(String accountId, String key) {
        return "idempotency_key.response_body:" + accountId + ":" + key;
    }
}
