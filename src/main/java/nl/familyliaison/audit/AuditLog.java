package nl.familyliaison.audit;

import java.time.Clock;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Ids;

/**
 * Appends events to the access log. This is what the request path calls: one INSERT carrying the event's content
 * hash; linking it into the chain is the {@link AuditSealer}'s job, behind it.
 */
public final class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Starts an event that happens now; add the object (required) and whatever else is known, then append it. */
    public AuditEvent.Builder event(String action, Outcome outcome) {
        return AuditEvent.builder(action, outcome, clock.instant());
    }

    /**
     * Appends {@code event} on its own.
     *
     * @return the new event's id
     */
    public String append(AuditEvent event) {
        return append(repository.execute(), event);
    }

    /**
     * Appends {@code event} through {@code execute}, such as the caller's {@link io.helidon.dbclient.DbTransaction}:
     * the event then commits or rolls back together with the change it describes.
     *
     * @return the new event's id
     */
    public String append(DbExecute execute, AuditEvent event) {
        String id = Ids.newId();
        repository.insert(execute, id, event, AuditHashes.contentHash(event));
        return id;
    }
}
