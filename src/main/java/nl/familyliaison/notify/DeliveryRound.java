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
import java.util.logging.Level;
import java.util.logging.Logger;

import nl.familyliaison.platform.Causes;
import nl.familyliaison.platform.Scrub;
import nl.familyliaison.platform.Transactions;

/**
 * What one {@link DeliveryWorker} round does: claim due rows under this worker's lease, render each from its template,
 * hand it to the mail server and store how it went (sent, retried after a {@link Backoff} wait, or failed for good).
 */
record DeliveryRound(OutboxRepository rows, Outbox outbox, Transactions transactions, MailTemplates templates,
                     MailSender sender, Clock clock, DeliveryWorker.Settings settings, OutboxMetrics metrics,
                     String workerId) {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    /** One round: claims due rows and delivers them; returns how many were claimed. */
    int deliverDue() {
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

    private void deliver(String id) {
        rows.leased(id, workerId).ifPresent(row -> {
            try {
                Map<String, String> values = outbox.open(row);
                MailTemplate template = MailTemplate.byFolder(row.template())
                        .orElseThrow(() -> MailTemplates.MissingTemplate.unknown(row.template()));
                MailTemplates.Rendered rendered = templates.render(template, row.language(), values);
                sender.send(DeliveryWorker.messageId(row.id()), row.recipientEmail(), rendered);
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

    private static String describe(Throwable e) {
        Throwable root = Causes.root(e);
        // Stored in the outbox and logged: an SMTP server's refusal quotes the address it refused.
        String text = root.getClass().getSimpleName() + ": " + Scrub.text(root.getMessage());
        return text.length() > 250 ? text.substring(0, 250) : text;
    }
}
