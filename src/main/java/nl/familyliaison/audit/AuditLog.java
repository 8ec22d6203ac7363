package nl.familyliaison.audit;

import java.time.Clock;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Ids;

/**
 * Appends events to the access log. This is what the request path calls: one INSERT carrying the event's content
 * hash; linking it into the chain is the {@link AuditSealer}'s job, behind it.
 */
public final class AuditLog implements AutoCloseable {

    private final AuditRepository repository;
    private final Clock clock;
    private final AuditWriter writer;

    /** A log that stores each event on its own (the command line, where nothing waits alongside). */
    public AuditLog(AuditRepository repository, Clock clock) {
        this(repository, clock, null);
    }

    /** A log whose events on their own go through {@code writer}, in batches with those of other requests. */
    AuditLog(AuditRepository repository, Clock clock, AuditWriter writer) {
        this.repository = repository;
        this.clock = clock;
        this.writer = writer;
    }

    /** Starts an event that happens now; add the object (required) and whatever else is known, then append it. */
    public AuditEvent.Builder event(String action, Outcome outcome) {
        return AuditEvent.builder(action, outcome, clock.instant());
    }

    /**
     * Appends {@code event} on its own: returns once it is durable (committed with a batch of other requests'
     * events), or throws why it is not.
     *
     * @return the new event's id
     */
    public String append(AuditEvent event) {
        if (writer == null) {
            return append(repository.execute(), event);
        }
        String id = Ids.newId();
        writer.write(id, event, AuditHashes.contentHash(event));
        return id;
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

    /** Writes what was handed over so far; events appended after this are stored one by one. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
