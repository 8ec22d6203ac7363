package nl.familyliaison.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/** The access log's table and chain head, through the named statements in {@code statements/audit.yaml} only. */
public final class AuditRepository {

    private final DbClient db;

    public AuditRepository(DbClient db) {
        this.db = db;
    }

    /**
     * The member view of one case: events by staff or refused, not by {@code memberAccountId}, newest first, at most
     * {@code limit}, before {@code before} when given.
     */
    List<AccessEntry> forMemberOnCase(String caseId, String memberAccountId, Optional<Position> before, int limit) {
        Objects.requireNonNull(memberAccountId, "memberAccountId");
        DbExecute execute = db.execute();
        var rows = before.isEmpty()
                ? execute.namedQuery("audit-member-log-newest", caseId, memberAccountId, limit)
                : execute.namedQuery("audit-member-log-before", caseId, memberAccountId, before.get().at(),
                                     before.get().at(), before.get().seq(), limit);
        return rows.map(row -> accessEntry(caseId, row)).toList();
    }

    /** Where the event {@code eventId} stands in time order; empty when there is no such event. */
    Optional<Position> positionOf(String eventId) {
        return db.execute().namedGet("audit-position-of", eventId)
                .map(row -> new Position(row.column("occurred_text").getString(), number(row.column("seq"))));
    }

    DbExecute execute() {
        return db.execute();
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Function<DbTransaction, T> work) {
        DbTransaction transaction = db.transaction();
        T result;
        try {
            result = work.apply(transaction);
        } catch (RuntimeException | Error e) {
            rollback(transaction, e);
            throw e;
        }
        transaction.commit();
        return result;
    }

    void insert(DbExecute execute, String id, AuditEvent event, byte[] contentHash) {
        Map<String, Object> row = EventRows.row(id, event);
        row.put("content_hash", contentHash);
        execute.createNamedInsert("audit-insert").params(row).execute();
    }

    /**
     * Inserts {@code events} in one statement, so in one commit, in their order (their seq follows it): all or none.
     */
    void insertAll(List<NewEvent> events) {
        long inserted = db.execute().namedInsert("audit-insert-batch", EventRows.json(events));
        if (inserted != events.size()) {
            throw conflict(inserted + " of a batch of " + events.size() + " events were inserted");
        }
    }

    /** Locks the chain head until {@code transaction} ends. */
    ChainHead lockHead(DbTransaction transaction) {
        return transaction.namedGet("audit-head-lock").map(AuditRepository::head).orElseThrow(AuditRepository::noHead);
    }

    List<Pending> pending(DbTransaction transaction, int limit) {
        return transaction.namedQuery("audit-pending", limit)
                .map(row -> new Pending(number(row.column("seq")), row.column("id").getString(),
                                        row.column("content_hash").get(byte[].class)))
                .toList();
    }

    /** Gives each event of a batch its place in the chain, in one statement (a round trip per event was too slow). */
    void seal(DbTransaction transaction, List<Sealing> batch, Instant sealedAt) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        batch.forEach(sealing -> json.add("[" + sealing.seq() + "," + sealing.link().position() + ",\""
                                          + sealing.link().hashHex() + "\"]"));
        long updated = transaction.namedUpdate("audit-seal", json.toString(), AuditTime.text(sealedAt));
        if (updated != batch.size()) {
            throw conflict(batch.size() - updated + " event(s) of the batch were sealed by someone else");
        }
    }

    void moveHead(DbTransaction transaction, ChainHead from, ChainHead to, Instant at) {
        long updated = transaction.namedUpdate("audit-head-move", to.position(), to.hash(), AuditTime.text(at),
                                               from.position());
        expectOne(updated, "the chain head moved under its lock");
    }

    ChainHead head() {
        return db.execute().namedGet("audit-head").map(AuditRepository::head).orElseThrow(AuditRepository::noHead);
    }

    /** Sealed events after position {@code after} up to {@code upTo}, in position order, at most {@code limit}. */
    List<SealedEvent> chain(long after, long upTo, int limit) {
        return db.execute().namedQuery("audit-chain-page", after, upTo, limit)
                .map(AuditRepository::sealedEvent)
                .toList();
    }

    /** The event id and chain hash at {@code position}. */
    Optional<Link> linkAt(long position) {
        return db.execute().namedGet("audit-chain-at", position)
                .map(row -> new Link(position, row.column("id").getString(),
                                     row.column("chain_hash").get(byte[].class)));
    }

    /** The first sealed event after {@code position}: its position and id. */
    Optional<Link> firstAfter(long position) {
        return db.execute().namedGet("audit-chain-first-after", position)
                .map(row -> new Link(number(row.column("chain_position")), row.column("id").getString(), null));
    }

    long maxPosition() {
        return db.execute().namedGet("audit-max-position").map(row -> number(row.column("max_position"))).orElse(0L);
    }

    /** Whether {@code eventId} is a purge event not sealed yet, or sealed after position {@code after}. */
    boolean isPurgeAfter(String eventId, long after) {
        return db.execute().namedGet("audit-purge-after", eventId, PurgeCheck.ACTION, after).isPresent();
    }

    long countPending() {
        return db.execute().namedGet("audit-count-pending").map(row -> number(row.column("pending"))).orElse(0L);
    }

    /** Locks the not yet purged event {@code eventId} until {@code transaction} ends. */
    Optional<Stored> lockForPurge(DbTransaction transaction, String eventId) {
        return transaction.namedGet("audit-purge-lock-event", eventId).map(AuditRepository::stored);
    }

    /** Locks up to {@code limit} not yet purged events of {@code caseId}, oldest first (the sealer's lock order). */
    List<Stored> lockCaseForPurge(DbTransaction transaction, String caseId, int limit) {
        return transaction.namedQuery("audit-purge-lock-case", caseId, limit).map(AuditRepository::stored).toList();
    }

    /** Locks up to {@code limit} not yet purged sign-in and sign-out events from before {@code before}, oldest first. */
    List<Stored> lockSignInsForPurge(DbTransaction transaction, Instant before, int limit) {
        return transaction.namedQuery("audit-purge-lock-sign-ins", AuditTime.text(before), limit)
                .map(AuditRepository::stored).toList();
    }

    void purge(DbTransaction transaction, Stored event, byte[] personalDigest, String purgeEventId, Instant at) {
        long updated = transaction.namedUpdate("audit-purge", personalDigest, AuditTime.text(at), purgeEventId,
                                               event.seq());
        expectOne(updated, "event " + event.id() + " was purged by someone else");
    }

    private static AuditEvent event(DbRow row) {
        return new AuditEvent(row.column("actor_account_id").getString(),
                              row.column("actor_role").getString(),
                              row.column("action").getString(),
                              row.column("object_type").getString(),
                              row.column("object_id").getString(),
                              row.column("case_id").getString(),
                              Outcome.valueOf(row.column("outcome").getString()),
                              AuditTime.parse(row.column("occurred_text").getString()),
                              row.column("request_id").getString(),
                              row.column("ip").getString(),
                              row.column("detail").getString());
    }

    // Verification must report an edit that no event could have, not stumble over it.
    private static AuditEvent eventIfValid(DbRow row) {
        try {
            return event(row);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return null;
        }
    }

    private static SealedEvent sealedEvent(DbRow row) {
        return new SealedEvent(number(row.column("chain_position")),
                               row.column("id").getString(),
                               eventIfValid(row),
                               row.column("content_hash").get(byte[].class),
                               row.column("chain_hash").get(byte[].class),
                               row.column("personal_digest").get(byte[].class),
                               row.column("purged_text").getString() != null,
                               row.column("purge_event_id").getString());
    }

    private static Stored stored(DbRow row) {
        return new Stored(number(row.column("seq")), row.column("id").getString(), event(row));
    }

    private static AccessEntry accessEntry(String caseId, DbRow row) {
        return new AccessEntry(row.column("id").getString(), number(row.column("seq")), caseId,
                               row.column("actor_account_id").getString(),
                               row.column("actor_role").getString(),
                               row.column("action").getString(),
                               row.column("object_type").getString(),
                               row.column("object_id").getString(),
                               Outcome.valueOf(row.column("outcome").getString()),
                               AuditTime.parse(row.column("occurred_text").getString()));
    }

    private static ChainHead head(DbRow row) {
        return new ChainHead(number(row.column("last_position")), row.column("last_hash").get(byte[].class));
    }

    private static long number(DbColumn column) {
        return ((Number) column.get()).longValue();
    }

    private static IllegalStateException noHead() {
        return new IllegalStateException("The audit chain head row is missing; migration V2 creates it");
    }

    private static void expectOne(long updated, String otherwise) {
        if (updated != 1) {
            throw conflict(otherwise);
        }
    }

    private static IllegalStateException conflict(String what) {
        return new IllegalStateException("Audit chain conflict: " + what);
    }

    private static void rollback(DbTransaction transaction, Throwable cause) {
        try {
            transaction.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** An event's place in time order: its time (as the database writes it) and row number. */
    record Position(String at, long seq) {
    }

    /** An event about to be inserted, with its id and content hash. */
    record NewEvent(String id, AuditEvent event, byte[] contentHash) {
    }

    /** A pending event: not in the chain yet. */
    record Pending(long seq, String id, byte[] contentHash) {
    }

    /** A pending event's place in the chain, about to be stored. */
    record Sealing(long seq, ChainHead link) {
    }

    /** An event with its row number, for purging. */
    record Stored(long seq, String id, AuditEvent event) {
    }

    /** An event's place in the chain. */
    record Link(long position, String eventId, byte[] chainHash) {
    }
}
