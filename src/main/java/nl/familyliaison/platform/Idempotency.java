package nl.familyliaison.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Makes a state-changing request safe to retry. A client that sends {@code Idempotency-Key} and retries (after a
 * time-out on a bad connection, or twice at once) gets the first answer again and nothing is stored twice; the same
 * key with another request is refused with 409. Without the header the work simply runs in a transaction.
 *
 * <p>The key is claimed by an insert in the same transaction as the work: a concurrent retry with the same key waits
 * on the unique key until the first commits (then it replays that answer) or rolls back (then it does the work
 * itself). A request that fails leaves no key behind, so it can be retried as it is.
 */
public final class Idempotency {

    public static final HeaderName HEADER = HeaderNames.create("Idempotency-Key");
    /** Tells a client that the answer is the stored one of an earlier request with the same key. */
    public static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final IdempotencyRepository repository;
    private final Transactions transactions;
    private final KeyRing keys;
    private final Clock clock;

    public Idempotency(IdempotencyRepository repository, Transactions transactions, KeyRing keys, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per key.
     *
     * @param accountId   whose keys these are: keys of different people never meet
     * @param fingerprint what the request asks for besides its method and path (its parsed body, say), so that a
     *                    retry can be told from another request under the same key
     * @throws ProblemException 400 for a malformed key, 409 when the key was used for another request
     */
    public Answer run(ServerRequest request, String accountId, String fingerprint,
                      Function<DbTransaction, Answer> work) {
        Optional<String> key = key(request);
        if (key.isEmpty()) {
            return transactions.inTransaction(work);
        }
        byte[] hash = hash(request.prologue().method().text() + " " + request.path().path() + "\n" + fingerprint);
        return transactions.inTransaction(tx -> {
            if (!repository.claim(tx, accountId, key.get(), hash, clock.instant())) {
                return replay(tx, accountId, key.get(), hash);
            }
            Answer answer = work.apply(tx);
            repository.complete(tx, accountId, key.get(), answer.status(),
                                keys.seal(answer.body(), context(accountId, key.get())), answer.objectId());
            return answer;
        });
    }

    private Answer replay(DbTransaction tx, String accountId, String key, byte[] hash) {
        IdempotencyRepository.Stored stored = repository.find(tx, accountId, key)
                .orElseThrow(() -> new IllegalStateException("An idempotency key vanished while it was read"));
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            throw new ProblemException(ProblemType.CONFLICT, "This Idempotency-Key was used before for a different"
                                                             + " request. Use a new key for a new request.");
        }
        return new Answer(stored.status(), keys.open(stored.body(), context(accountId, key)), stored.objectId(),
                          true);
    }

    /** A short stand-in for large request content in a fingerprint: its SHA-256, in hex. */
    public static String digestOf(byte[] content) {
        return HexFormat.of().formatHex(hash(content));
    }

    private static Optional<String> key(ServerRequest request) {
        Optional<String> key = request.headers().first(HEADER);
        if (key.isPresent() && !KEY.matcher(key.get()).matches()) {
            throw ProblemException.invalid(HEADER.defaultCase(),
                                           "Use 1 to 100 visible ASCII characters, such as a random UUID.");
        }
        return key;
    }

    private static String context(String accountId, String key) {
        return "idempotency_key.response_body:" + accountId + ":" + key;
    }

    private static byte[] hash(String request) {
        return hash(request.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hash(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The answer to a state-changing request, as sent the first time and again to a retry.
     *
     * @param objectId what the request made or changed, for the audit trail of a retry too
     * @param replayed whether this is the stored answer of an earlier request
     */
    public record Answer(int status, byte[] body, String objectId, boolean replayed) {

        public static Answer json(Status status, Object body, String objectId) {
            return new Answer(status.code(), Json.write(body), objectId, false);
        }

        public static Answer noContent(String objectId) {
            return new Answer(Status.NO_CONTENT_204.code(), new byte[0], objectId, false);
        }

        public void send(ServerResponse response) {
            response.status(Status.create(status));
            if (replayed) {
                response.header(REPLAYED, "true");
            }
            if (body.length == 0) {
                response.send();
                return;
            }
            response.headers().contentType(MediaTypes.APPLICATION_JSON);
            response.send(body);
        }
    }

    /** Forgets the stored answers of a removed person (they may hold what the person wrote). */
    public void forget(DbExecute tx, String accountId) {
        repository.deleteOf(tx, accountId);
    }

    /** Deletes keys older than {@code before} (retention); returns how many. */
    public long deleteBefore(DbExecute tx, java.time.Instant before) {
        return repository.deleteBefore(tx, before);
    }
}
