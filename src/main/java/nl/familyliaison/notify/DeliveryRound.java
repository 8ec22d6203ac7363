package nl.familyliaison.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import nl.familyliaison.platform.Causes;
import nl.familyliaison.platform.Scrub;

/**
 * What one {@link DeliveryWorker} round does: claim due rows under a lease, open and render each from its template,
 * hand it to the mail server and store how it went (sent, retried after a {@link Backoff} wait, or failed for good).
 *
 * <p>A round is a pipeline: while the mails of one claim are handed over, the next claim is taken and its mails are
 * opened and rendered, so the SMTP connections never wait for the database or the templates. The rows of a claim
 * that were handed over are marked sent in one statement when the claim's last mail is done; a crash before that
 * sends them again (at-least-once, with the same Message-ID).
 */
record DeliveryRound(OutboxRepository rows, Outbox outbox, MailTemplates templates, MailSender sender, Clock clock,
                     DeliveryWorker.Settings settings, OutboxMetrics metrics, String workerId, AtomicLong claims) {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    /** Claims taken in one round at most, so a long burst still lets the worker see that it should stop. */
    private static final int CLAIMS_PER_ROUND = 16;

    /** One round: claims due rows and delivers them; returns how many were claimed. */
    int deliverDue() {
        int parallel = Math.max(1, settings.parallel());
        // At most `parallel` hand-overs at once (one per pooled SMTP connection), and as many more being prepared.
        Semaphore connections = new Semaphore(parallel);
        Semaphore ahead = new Semaphore(2 * parallel);
        int claimed = 0;
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < CLAIMS_PER_ROUND; round++) {
                Claim claim = claim();
                for (OutboxRepository.Leased row : claim.rows()) {
                    ahead.acquireUninterruptibly();
                    each.execute(() -> {
                        try {
                            deliver(claim, row, connections);
                        } finally {
                            ahead.release();
                        }
                    });
                }
                claimed += claim.rows().size();
                if (claim.rows().size() < settings.batch()) {
                    break;
                }
            }
        }
        return claimed;
    }

    /** One committed claim of due rows under a token of its own, and a read of what it took. */
    private Claim claim() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        String token = workerId + ":" + claims.incrementAndGet();
        long taken = rows.claim(token, now, leaseUntil, settings.batch());
        return new Claim(token, leaseUntil, taken == 0 ? List.of() : rows.claimed(token));
    }

    private void deliver(Claim claim, OutboxRepository.Leased row, Semaphore connections) {
        boolean sent = false;
        try {
            sent = handOver(claim, row, connections);
        } catch (RuntimeException e) {
            failedOrLost(claim, row, e);
        } finally {
            List<String> marks = claim.done(row.id(), sent);
            if (marks != null && !marks.isEmpty()) {
                markSent(claim, marks);
            }
        }
    }

    /** Opens, renders and hands over one mail; false when the lease ran out before it could go. */
    private boolean handOver(Claim claim, OutboxRepository.Leased row, Semaphore connections) {
        MailTemplate template = MailTemplate.byFolder(row.template())
                .orElseThrow(() -> MailTemplates.MissingTemplate.unknown(row.template()));
        MailTemplates.Rendered rendered = templates.render(template, row.language(), outbox.open(row));
        connections.acquireUninterruptibly();
        try {
            if (!claim.holds(clock.instant())) {
                return false; // claimed again by another worker, or soon: it sends the mail
            }
            sender.send(DeliveryWorker.messageId(row.id()), row.recipientEmail(), rendered);
            return true;
        } finally {
            connections.release();
        }
    }

    /** Marks the claim's handed-over rows sent; tried twice, since a lost mark sends them all again later. */
    private void markSent(Claim claim, List<String> ids) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                metrics.sent(rows.markSent(claim.token(), ids, clock.instant()));
                return;
            } catch (RuntimeException e) {
                // A deadlock with another worker's claim, or the database went away: when the second try fails too,
                // the rows stay claimed until the lease runs out, then go again with the same Message-IDs.
                LOG.log(Level.WARNING, ids.size() + " sent mails not marked sent (try " + attempt + "): "
                                       + e.getClass().getSimpleName());
            }
        }
    }

    private void failedOrLost(Claim claim, OutboxRepository.Leased row, RuntimeException e) {
        try {
            failed(claim, row, e);
        } catch (RuntimeException lost) {
            // The database went away mid-round; the row's lease runs out and it is claimed again.
            LOG.log(Level.WARNING, "Outbox row " + row.id() + " not handed over: " + lost.getClass().getSimpleName());
        }
    }

    private void failed(Claim claim, OutboxRepository.Leased row, RuntimeException e) {
        Instant now = clock.instant();
        String error = describe(e);
        // Trying again cannot help when the address or the mail was refused or a template is missing.
        FailureReason permanent = FailureReason.permanent(e);
        if (permanent != null || !now.isBefore(row.createdAt().plus(settings.giveUpAfter()))) {
            LOG.warning("Mail " + row.id() + " (" + row.template() + ") failed for good: " + error);
            rows.markFailed(row.id(), claim.token(), error, permanent == null ? FailureReason.GAVE_UP : permanent,
                            now);
            metrics.failed();
        } else {
            Duration wait = settings.backoff().delay(row.attempts() + 1, ThreadLocalRandom.current());
            rows.retryLater(row.id(), claim.token(), now.plus(wait), error);
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
