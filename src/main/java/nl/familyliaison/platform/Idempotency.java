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
 * <p>The key is claimed by an insert in the same transaction as the work, which the domain class opens. A write that
 * has its answer in that transaction keeps it there too ({@link Claim#keep}): a concurrent retry with the same key
 * waits on the unique key until the first commits (then it replays that answer) or rolls back (then it does the
 * work itself), and no crash between the commit and the answer can leave the key without one. A request that fails
 * leaves no key behind, so it can be retried as it is.
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

    private Idempotency(IdempotencyRepository repository, Transactions transactions, KeyRing keys, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    /** Keeps its keys, and the answers sealed with {@code keys}, through {@code transactions}. */
    public static Idempotency create(Transactions transactions, KeyRing keys, Clock clock) {
        return new Idempotency(new IdempotencyRepository(), transactions, keys, clock);
    }

    /**
     * Runs a create once per key, for a domain class that opens its own transaction (the house style): it hands
     * {@code write} a {@link Claim} to call inside that transaction with the new object's id, which claims the key
     * there, so the key and the object commit together. The answer is made after the commit by {@code answer} from
     * the object's id and kept for retries. A retry after the commit gets the kept answer; one that arrives while
     * the first is still being answered gets 409; a failed request leaves its key free. A write that calls
     * {@link Claim#keep} keeps its answer in its own transaction instead ({@code answer} is then not asked). A
     * {@code 204} answer has no body.
     *
     * @param accountId   whose keys these are: keys of different people never meet
     * @param fingerprint what the request asks for besides its method and path (its parsed body, say)
     * @param write       makes the object, calls the claim in its transaction, returns the object's id
     * @param answer      the answer's body for the object's id
     */
    public Answer create(ServerRequest request, String accountId, String fingerprint, Status status,
                         Function<Claim, String> write, Function<String, Object> answer) {
        Optional<String> key = key(request);
        if (key.isEmpty()) {
            String id = write.apply(Claim.NONE);
            return answer(status, answer, id);
        }
        byte[] hash = hash(request.prologue().method().text() + " " + request.path().path() + "\n" + fingerprint);
        Optional<Answer> earlier = transactions.inTransaction(tx -> kept(tx, accountId, key.get(), hash));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        KeyClaim claim = new KeyClaim(accountId, key.get(), hash, status);
        String id;
        try {
            id = write.apply(claim);
        } catch (RuntimeException failed) {
            // A retry that ran alongside the first one fails on what the first made, or on the key: answer as a retry.
            return transactions.inTransaction(tx -> kept(tx, accountId, key.get(), hash)).orElseThrow(() -> failed);
        }
        if (claim.kept != null) {
            return claim.kept;
        }
        Answer made = answer(status, answer, id);
        transactions.inTransaction(tx -> {
            if (!claim.taken() && !repository.claim(tx, accountId, key.get(), hash, clock.instant())) {
                throw new ProblemException(ProblemType.CONFLICT, IN_PROGRESS);
            }
            repository.complete(tx, accountId, key.get(), made.status(),
                                keys.seal(made.body(), context(accountId, key.get())), id);
            return null;
        });
        return made;
    }

    private static final String IN_PROGRESS = "The first request with this Idempotency-Key is still being answered."
                                              + " Try again in a moment.";

    private static Answer answer(Status status, Function<String, Object> answer, String id) {
        return status == Status.NO_CONTENT_204 ? Answer.noContent(id) : Answer.json(status, answer.apply(id), id);
    }

    /** The kept answer for this key, if the key was used and committed before. */
    private Optional<Answer> kept(DbTransaction tx, String accountId, String key, byte[] hash) {
        Optional<IdempotencyRepository.Stored> stored = repository.find(tx, accountId, key);
        if (stored.isPresent() && stored.get().status() == 0) {
            // Claimed with its object, but the first request has not kept its answer yet.
            throw new ProblemException(ProblemType.CONFLICT, IN_PROGRESS);
        }
        return stored.map(found -> replay(tx, accountId, key, hash));
    }

    /** Claims a request's key inside the transaction of the write it makes; called by that write. */
    @FunctionalInterface
    public interface Claim {
        /** For a request without a key. */
        Claim NONE = (tx, objectId) -> { };

        void take(DbExecute tx, String objectId);

        /** Claims the key and keeps {@code body} as the answer, both in the write's transaction {@code tx}. */
        default void keep(DbExecute tx, String objectId, Object body) {
            take(tx, objectId);
        }
    }

    /** Claims once per transaction: a write may name its object more than once. */
    private final class KeyClaim implements Claim {
        private final String accountId;
        private final String key;
        private final byte[] hash;
        private final Status status;
        private DbExecute claimedIn;
        private Answer kept;

        KeyClaim(String accountId, String key, byte[] hash, Status status) {
            this.accountId = accountId;
            this.key = key;
            this.hash = hash;
            this.status = status;
        }

        @Override
        public void keep(DbExecute tx, String objectId, Object body) {
            take(tx, objectId);
            Answer answer = Idempotency.answer(status, id -> body, objectId);
            repository.complete(tx, accountId, key, answer.status(), keys.seal(answer.body(), context(accountId, key)),
                                objectId);
            kept = answer;
        }

        @Override
        public void take(DbExecute tx, String objectId) {
            if (claimedIn == tx) {
                return;
            }
            if (!repository.claim(tx, accountId, key, hash, clock.instant())) {
                throw new ProblemException(ProblemType.CONFLICT, IN_PROGRESS);
            }
            claimedIn = tx;
        }

        boolean taken() {
            return claimedIn != null;
        }
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

    /** A request's parsed body as a fingerprint: its JSON. */
    public static String fingerprint(Object body) {
        return new String(Json.write(body), StandardCharsets.UTF_8);
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
