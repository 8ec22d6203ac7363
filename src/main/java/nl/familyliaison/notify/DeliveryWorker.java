package nl.familyliaison.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.config.Config;
import nl.familyliaison.platform.Ids;

/**
 * Delivers due outbox rows. Every instance runs one: rows are claimed in one committed UPDATE that writes a claim token
 * and a lease, so two workers never hold the same row, and a row whose worker died is taken again when the lease runs
 * out.
 * Delivery is at-least-once with a stable Message-ID per row; a failed try waits ({@link Backoff}) and after
 * {@code give-up-after} the row becomes FAILED, which staff see so they can phone instead.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    private final DeliveryRound round;
    private final Outbox outbox;
    private final Settings settings;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DeliveryWorker(OutboxRepository rows, Outbox outbox, MailTemplates templates, MailSender sender, Clock clock,
                   Settings settings, OutboxMetrics metrics) {
        this.round = new DeliveryRound(rows, outbox, templates, sender, clock, settings, metrics,
                                       "worker-" + Ids.newId(), new AtomicLong());
        this.outbox = outbox;
        this.settings = settings;
    }

    /** How the worker paces itself. */
    public record Settings(Duration pollInterval, Duration lease, int batch, int parallel, Backoff backoff,
                           Duration giveUpAfter) {
        public static Settings from(Config delivery) {
            return new Settings(delivery.get("poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)),
                                delivery.get("lease").as(Duration.class).orElse(Duration.ofMinutes(2)),
                                delivery.get("batch").asInt().orElse(32),
                                delivery.get("parallel").asInt().orElse(4),
                                new Backoff(delivery.get("backoff-base").as(Duration.class)
                                                    .orElse(Duration.ofSeconds(30)),
                                            delivery.get("backoff-max").as(Duration.class)
                                                    .orElse(Duration.ofHours(1))),
                                delivery.get("give-up-after").as(Duration.class).orElse(Duration.ofHours(72)));
        }
    }

    public void start() {
        running = true;
        outbox.onEnqueue(wake::release);
        thread = Thread.ofVirtual().name("outbox-delivery").start(this::loop);
    }

    @Override
    public void close() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        round.sender().close();
    }

    /** One round: claims due rows and delivers them; returns how many were claimed. */
    public int deliverDue() {
        return round.deliverDue();
    }

    private void loop() {
        while (running) {
            try {
                if (deliverDue() == 0) {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox round failed; trying again shortly: " + e.getClass().getSimpleName());
                pause();
            }
        }
    }

    /** The Message-ID of a row's mail: the same for every try, so a receiver can drop a duplicate. */
    public static String messageId(String rowId) {
        return "<" + rowId + "@family-liaison>";
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
