package nl.familyliaison.audit;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Idempotency;

/**
 * The object-level event of a write, handed to the code that makes the write so that it appends the event inside the
 * write's own transaction ({@link AuditLog#append(DbExecute, AuditEvent)}): a write that rolls back leaves no event,
 * and a write that committed always has its event, whatever happens to the process after the commit. The object id
 * comes at append time because a new object gets its id inside the write.
 */
@FunctionalInterface
public interface WriteEvent {

    /** For writes made outside a request, with no one to attribute them to (such as the benchmark's seeding). */
    WriteEvent NONE = (tx, objectId) -> { };

    /** Appends the event about {@code objectId} through {@code tx}. */
    void append(DbExecute tx, String objectId);

    /** This event, and the request's idempotency key claimed in the same transaction. */
    default WriteEvent with(Idempotency.Claim claim) {
        return (tx, objectId) -> {
            claim.take(tx, objectId);
            append(tx, objectId);
        };
    }
}
