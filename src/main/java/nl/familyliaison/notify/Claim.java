package nl.familyliaison.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One claim of outbox rows: its token (what {@code leased_by} holds), until when its lease runs, and which of its
 * rows were handed over, so that they are marked sent together once the last of them is done.
 */
final class Claim {

    private final String token;
    private final Instant leaseUntil;
    private final List<OutboxRepository.Leased> rows;
    private final AtomicInteger open;
    private final Queue<String> handedOver = new ConcurrentLinkedQueue<>();

    Claim(String token, Instant leaseUntil, List<OutboxRepository.Leased> rows) {
        this.token = token;
        this.leaseUntil = leaseUntil;
        this.rows = rows;
        this.open = new AtomicInteger(rows.size());
    }

    String token() {
        return token;
    }

    List<OutboxRepository.Leased> rows() {
        return rows;
    }

    /** Whether the lease still holds at {@code now}: a row past it may be another worker's already. */
    boolean holds(Instant now) {
        return now.isBefore(leaseUntil);
    }

    /**
     * Notes that a row is done ({@code sent}: handed over); answers the rows to mark sent when it was the claim's
     * last, otherwise null.
     */
    List<String> done(String id, boolean sent) {
        if (sent) {
            handedOver.add(id);
        }
        return open.decrementAndGet() == 0 ? new ArrayList<>(handedOver) : null;
    }
}
