package nl.familyliaison.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.dbclient.DbTransaction;
import io.helidon.metrics.api.Metrics;
import nl.familyliaison.platform.Scrub;

/**
 * Links pending events into the hash chain, behind the request path.
 *
 * <p>Each batch is one transaction: lock the head row, take the oldest pending events, give them the next positions
 * and chain hashes, move the head, commit. The head row lock serialises every sealer on every instance, so however
 * many run there is one contiguous chain. After the commit the new head is written outside the database too: a line in
 * the head file and an INFO log line.
 */
public final class AuditSealer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final AuditRepository repository;
    private final AuditSettings settings;
    private final Clock clock;
    private final HeadFile headFile;
    private final HeadFileHealth headFileHealth;
    private final CountDownLatch closing = new CountDownLatch(1);
    private Thread worker;
    // Touched by the background thread only.
    private boolean failing;

    AuditSealer(AuditRepository repository, AuditSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.headFile = new HeadFile(settings.headFile());
        this.headFileHealth = new HeadFileHealth(Metrics.globalRegistry());
    }

    /** Whether this sealer's head file writes work, for the readiness checks and metrics. */
    public HeadFileHealth headFileHealth() {
        return headFileHealth;
    }

    /**
     * Seals everything pending now, one batch per transaction, until a batch comes back short.
     *
     * @return how many events were sealed
     */
    public int sealPending() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == settings.batchSize());
        return total;
    }

    /** Seals in the background on a virtual thread: a run every {@code audit.seal-interval} until closed. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("The audit sealer was already started");
        }
        worker = Thread.ofVirtual().name("audit-sealer").start(this::run);
    }

    /** Stops the background runs after one last one, so events appended before now are sealed too. */
    @Override
    public synchronized void close() {
        closing.countDown();
        if (worker == null) {
            return;
        }
        try {
            if (!worker.join(STOP_WAIT)) {
                LOG.warning("The audit sealer did not stop within " + STOP_WAIT
                            + "; what is still pending is sealed by the next sealer to run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        do {
            sealLoggingFailures();
        } while (!closedWithin(settings.sealInterval()));
        sealLoggingFailures();
    }

    private boolean closedWithin(Duration wait) {
        try {
            return closing.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    // A failed run (database away, pool busy, lock wait timeout) loses nothing: the events stay pending for the next
    // run. The first failure in a row is logged in full, the ones after it in a line each, so an outage stays readable.
    private void sealLoggingFailures() {
        try {
            sealPending();
            if (failing) {
                failing = false;
                LOG.info("Sealing the audit log works again");
            }
        } catch (RuntimeException e) {
            if (failing) {
                LOG.warning("Sealing the audit log still fails: " + Scrub.text(e.getMessage()));
            } else {
                LOG.log(Level.WARNING, "Sealing the audit log failed; the events stay pending and are sealed later",
                        Scrub.throwable(e));
            }
            failing = true;
        }
    }

    private int sealBatch() {
        Instant now = clock.instant();
        Optional<Sealed> sealed = repository.inTransaction(transaction -> sealBatch(transaction, now));
        sealed.ifPresent(batch -> recordOutside(batch, now));
        return sealed.map(Sealed::count).orElse(0);
    }

    private Optional<Sealed> sealBatch(DbTransaction transaction, Instant now) {
        ChainHead start = repository.lockHead(transaction);
        List<AuditRepository.Pending> pending = repository.pending(transaction, settings.batchSize());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        ChainHead head = start;
        List<AuditRepository.Sealing> batch = new ArrayList<>(pending.size());
        for (AuditRepository.Pending event : pending) {
            head = head.next(event.id(), event.contentHash());
            batch.add(new AuditRepository.Sealing(event.seq(), head));
        }
        repository.seal(transaction, batch, now);
        repository.moveHead(transaction, start, head, now);
        return Optional.of(new Sealed(pending.size(), head));
    }

    // The database has committed; a head file that cannot be written must not undo that, but must be heard about:
    // logged, counted, and shown on readiness until a later write works (verification fails meanwhile: file behind).
    private void recordOutside(Sealed batch, Instant now) {
        LOG.info("Audit chain head " + HeadFile.line(batch.head(), now) + " (" + batch.count() + " sealed)");
        try {
            headFile.append(batch.head(), now);
            headFileHealth.written();
        } catch (IOException | RuntimeException e) {
            headFileHealth.failed(now, e);
            LOG.log(Level.SEVERE, "Could not write the audit chain head to " + headFile.path(), e);
        }
    }

    private record Sealed(int count, ChainHead head) {
    }
}
