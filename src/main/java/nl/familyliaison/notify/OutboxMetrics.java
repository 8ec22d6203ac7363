package nl.familyliaison.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import nl.familyliaison.platform.Scrub;

/**
 * The outbox on {@code /observe/metrics}: how many mails wait, how long the oldest has waited, and how many were sent,
 * retried and failed. Alerting on the oldest age catches a stuck delivery long before a family notices.
 */
final class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());

    /**
     * Helidon's registry is one per process and keeps the first gauge registered under a name, so the gauges read
     * through this holder: the outbox of the service started last (in a running service, its only one).
     */
    private static volatile Supplier<OutboxRepository.Figures> figures = () -> new OutboxRepository.Figures(0, null);

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    OutboxMetrics(MeterRegistry registry, OutboxRepository rows, Clock clock) {
        figures = rows::figures;
        this.sent = registry.getOrCreate(Counter.builder("outbox.sent")
                                                 .description("Mails handed over to the SMTP server"));
        this.retried = registry.getOrCreate(Counter.builder("outbox.retried")
                                                    .description("Failed tries that will be tried again"));
        this.failed = registry.getOrCreate(Counter.builder("outbox.failed")
                                                   .description("Mails given up on (staff are shown them)"));
        registry.getOrCreate(Gauge.builder("outbox.depth", () -> current().pending())
                                     .description("Mails waiting to be sent"));
        registry.getOrCreate(Gauge.builder("outbox.oldest.pending.seconds", () -> oldestAge(clock))
                                     .description("How long the oldest waiting mail has waited"));
    }

    void sent(long mails) {
        sent.increment(mails);
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }

    private static double oldestAge(Clock clock) {
        Instant oldest = current().oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private static OutboxRepository.Figures current() {
        try {
            return figures.get();
        } catch (RuntimeException e) {
            // The database is away: the metrics page must still answer; readiness reports the outage.
            LOG.log(Level.FINE, "Outbox figures unavailable", Scrub.throwable(e));
            return new OutboxRepository.Figures(-1, null);
        }
    }
}
