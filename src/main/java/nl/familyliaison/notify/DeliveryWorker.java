package nl.familyliaison.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.config.Config;
import nl.familyliaison.platform.Causes;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Scrub;
import nl.familyliaison.platform.Transactions;

/**
 * Delivers due outbox rows. Every instance runs one: rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * so two workers never hold the same row, and a row whose worker died is taken again when the lease runs out.
 * Delivery is at-least-once with a stable Message-ID per row; a failed try waits ({@link Backoff}) and after
 * {@code give-up-after} the row becomes FAILED, which staff see so they can phone instead.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    private final OutboxRepository rows;
    private final Outbox outbox;
    private final Transactions transactions;
    private final MailTemplates templates;
    private final MailSender sender;
    private final Clock clock;
    private final Settings settings;
    private final OutboxMetrics metrics;
    private final String workerId = "worker-" + Ids.newId();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DeliveryWorker(OutboxRepository rows, Outbox outbox, Transactions transactions, MailTemplates templates,
                          MailSender sender, Clock clock, Settings settings, OutboxMetrics metrics) {
        this.rows = rows;
        this.outbox = outbox;
        this.transactions = transactions;
        this.templates = templates;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
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
        sender.close();
    }

    /** One round: claims due rows and delivers them; returns how many were claimed. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<String> claimed = transactions.inTransaction(tx -> {
            List<String> ids = rows.lockDue(tx, now, settings.batch());
            ids.forEach(id -> rows.lease(tx, id, workerId, now.plus(settings.lease())));
            return ids;
        });
        deliverAll(claimed);
        return claimed.size();
    }

    /**
     * Hands the claimed rows over a few at a time: an SMTP hand-over mostly waits on the server, so one at a time
     * would hold delivery to tens of mails a second. At most {@code parallel} are in flight, one per pooled SMTP
     * connection.
     */
    private void deliverAll(List<String> claimed) {
        if (claimed.size() == 1 || settings.parallel() <= 1) {
            claimed.forEach(this::deliver);
            return;
        }
        Semaphore slots = new Semaphore(settings.parallel());
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : claimed) {
                slots.acquireUninterruptibly();
                each.execute(() -> {
                    try {
                        deliver(id);
                    } catch (RuntimeException e) {
                        // The database went away mid-round; the row's lease runs out and it is claimed again.
                        LOG.log(Level.WARNING, "Outbox row " + id + " not handed over: "
                                               + e.getClass().getSimpleName());
                    } finally {
                        slots.release();
                    }
                });
            }
        }
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

    private void deliver(String id) {
        rows.leased(id, workerId).ifPresent(row -> {
            try {
                Map<String, String> values = outbox.open(row);
                MailTemplate template = MailTemplate.byFolder(row.template())
                        .orElseThrow(() -> MailTemplates.MissingTemplate.unknown(row.template()));
                MailTemplates.Rendered rendered = templates.render(template, row.language(), values);
                sender.send(messageId(row.id()), row.recipientEmail(), rendered);
                rows.markSent(row.id(), workerId, clock.instant());
                metrics.sent();
            } catch (RuntimeException e) {
                failed(row, e);
            }
        });
    }

    private void failed(OutboxRepository.Leased row, RuntimeException e) {
        Instant now = clock.instant();
        String error = describe(e);
        // Trying again cannot help when the address or the mail was refused or a template is missing.
        FailureReason permanent = FailureReason.permanent(e);
        if (permanent != null || !now.isBefore(row.createdAt().plus(settings.giveUpAfter()))) {
            LOG.warning("Mail " + row.id() + " (" + row.template() + ") failed for good: " + error);
            rows.markFailed(row.id(), workerId, error, permanent == null ? FailureReason.GAVE_UP : permanent, now);
            metrics.failed();
        } else {
            Duration wait = settings.backoff().delay(row.attempts() + 1, ThreadLocalRandom.current());
            rows.retryLater(row.id(), workerId, now.plus(wait), error);
            metrics.retried();
        }
    }

    /** The Message-ID of a row's mail: the same for every try, so a receiver can drop a duplicate. */
    public static String messageId(String rowId) {
        return "<" + rowId + "@family-liaison>";
    }

    private static String describe(Throwable e) {
        Throwable root = Causes.root(e);
        // Stored in the outbox and logged: an SMTP server's refusal quotes the address it refused.
        String text = root.getClass().getSimpleName() + ": " + Scrub.text(root.getMessage());
        return text.length() > 250 ? text.substring(0, 250) : text;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
