package nl.familyliaison.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Group commit of the access events: requests hand their event over and wait; one writer thread inserts whatever has
 * queued up in one multi-row statement (one commit), then lets every waiting request go. While a batch commits the
 * next one gathers, so under load a commit carries many events and alone it carries one, with no added delay.
 *
 * <p>A request returns only once its event is durable. When a batch fails, every request in it gets that failure
 * (nothing of the batch is stored: it is one statement). The writer runs on the background pool: requests may hold
 * request-pool connections while they wait here, so a writer borrowing from that pool could wait for them forever.
 */
final class AuditWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    static final int BATCH_SIZE = 256;

    private final AuditRepository repository;
    private final LinkedBlockingQueue<Handed> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closing;

    AuditWriter(AuditRepository repository) {
        this.repository = repository;
        this.worker = Thread.ofVirtual().name("audit-writer").start(this::run);
    }

    /** Stores {@code event} in the next batch and returns once that batch has committed; throws its failure. */
    void write(String id, AuditEvent event, byte[] contentHash) {
        if (closing) {
            repository.insert(repository.execute(), id, event, contentHash);
            return;
        }
        Handed handed = new Handed(new AuditRepository.NewEvent(id, event, contentHash), new CompletableFuture<>());
        queue.add(handed);
        await(handed.committed());
    }

    /** Stops taking events once the ones queued so far are written; later ones are written one by one. */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Handed> batch = new ArrayList<>(BATCH_SIZE);
        while (!closing || !queue.isEmpty()) {
            try {
                Handed first = queue.poll(10, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_SIZE - 1);
                commit(batch);
            } catch (InterruptedException e) {
                closing = true;
            } finally {
                batch.clear();
            }
        }
    }

    // Every waiting request learns how its batch ended; the writer itself goes on with the next one.
    private void commit(List<Handed> batch) {
        try {
            repository.insertAll(batch.stream().map(Handed::event).toList());
            batch.forEach(handed -> handed.committed().complete(null));
        } catch (RuntimeException | Error e) {
            LOG.warning("A batch of " + batch.size() + " audit event(s) could not be stored: "
                        + e.getClass().getSimpleName());
            batch.forEach(handed -> handed.committed().completeExceptionally(e));
        }
    }

    private static void await(CompletableFuture<Void> committed) {
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit event was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The audit event could not be stored", e.getCause());
        }
    }

    private record Handed(AuditRepository.NewEvent event, CompletableFuture<Void> committed) {
    }
}
