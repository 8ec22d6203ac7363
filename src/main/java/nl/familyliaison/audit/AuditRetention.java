package nl.familyliaison.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.helidon.dbclient.DbTransaction;

/**
 * Erases the personal fields of audit events when their retention ends: account id, object id, case id, request id,
 * IP and detail become NULL; what was done, by which role, when and with what outcome stay. The digest of the erased
 * fields is kept, so the content hash and the chain still verify, and so does an edit made before the purge: the
 * digest is taken from the fields as they are, and an edited field gives a digest the content hash does not accept.
 *
 * <p>Each purge transaction also appends an {@code audit.purge} event (how many rows it erased) and marks every row it
 * erased with that event's id: a purge is itself in the chain, so a row blanked by hand does not pass for one.
 */
public final class AuditRetention {

    private static final int BATCH_SIZE = 500;

    private final AuditRepository repository;
    private final AuditLog log;
    private final Clock clock;

    AuditRetention(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.log = new AuditLog(repository, clock);
        this.clock = clock;
    }

    /**
     * Purges one event.
     *
     * @return whether it was there and not purged yet
     */
    public boolean purgeContent(String eventId) {
        Instant now = clock.instant();
        return repository.inTransaction(transaction -> repository.lockForPurge(transaction, eventId)
                .map(event -> purge(transaction, List.of(event), now))
                .orElse(0)) == 1;
    }

    /**
     * Purges every event of one case, a batch per transaction.
     *
     * @return how many events were purged
     */
    public int purgeContentOfCase(String caseId) {
        return (int) inBatches(transaction -> repository.lockCaseForPurge(transaction, caseId, BATCH_SIZE));
    }

    /**
     * Erases the personal fields, the caller's IP among them, of every sign-in and sign-out event from before
     * {@code before}, a batch per transaction. These events name no case, so nothing else would ever erase them.
     *
     * @return how many events were purged
     */
    public long purgeSignInsBefore(Instant before) {
        return inBatches(transaction -> repository.lockSignInsForPurge(transaction, before, BATCH_SIZE));
    }

    /** Purges what {@code lock} locks, a batch per transaction, until a batch comes back short. */
    private long inBatches(Function<DbTransaction, List<AuditRepository.Stored>> lock) {
        Instant now = clock.instant();
        long total = 0;
        int purged;
        do {
            purged = repository.inTransaction(transaction -> purge(transaction, lock.apply(transaction), now));
            total += purged;
        } while (purged == BATCH_SIZE);
        return total;
    }

    private int purge(DbTransaction transaction, List<AuditRepository.Stored> events, Instant now) {
        if (events.isEmpty()) {
            return 0;
        }
        String purgeEventId = log.append(transaction, PurgeCheck.purgeEvent(log, events.size()).build());
        for (AuditRepository.Stored event : events) {
            repository.purge(transaction, event, AuditHashes.personalDigest(event.event()), purgeEventId, now);
        }
        return events.size();
    }
}
