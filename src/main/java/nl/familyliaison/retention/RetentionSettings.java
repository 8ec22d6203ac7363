package nl.familyliaison.retention;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * How long things are kept (the retention section of application.yaml).
 *
 * @param contentAfterAccessEnds case content stays this long after the members' access ended (the aftercare)
 * @param auditPersonalAfterAccessEnds the personal fields of a case's audit events stay this long after that
 * @param idempotencyKeys        stored answers for retries are kept this long
 * @param unsentUploads          uploads never sent with a message are kept this long
 * @param signInChallengesAfter  a sign-in challenge (the hash of a code) is kept this long after it expired
 * @param sessionsAfter          a session's row is kept this long after the session ended
 * @param sentMailAfter          a sent mail's outbox row (with the address) is kept this long after sending
 * @param signInIpAfter          sign-in and sign-out events keep their personal fields (account, IP) this long
 * @param interval               how often the job runs
 * @param dryRun                 only report (and log) what would go; purge nothing
 */
record RetentionSettings(Duration contentAfterAccessEnds, Duration auditPersonalAfterAccessEnds,
                                Duration idempotencyKeys, Duration unsentUploads, Duration signInChallengesAfter,
                                Duration sessionsAfter, Duration sentMailAfter, Duration signInIpAfter,
                                Duration interval, boolean dryRun) {

    public RetentionSettings {
        for (Duration period : new Duration[] {contentAfterAccessEnds, auditPersonalAfterAccessEnds, idempotencyKeys,
                                               unsentUploads, signInChallengesAfter, sessionsAfter, sentMailAfter,
                                               signInIpAfter}) {
            if (period.isNegative()) {
                throw new IllegalStateException("retention periods must not be negative");
            }
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("retention.interval must be positive");
        }
    }

    public static RetentionSettings from(Config retention) {
        return new RetentionSettings(
                retention.get("case-content-after").as(Duration.class).orElse(Duration.ofDays(30)),
                retention.get("audit-personal-after").as(Duration.class).orElse(Duration.ofDays(365)),
                retention.get("idempotency-keys").as(Duration.class).orElse(Duration.ofDays(1)),
                retention.get("unsent-uploads").as(Duration.class).orElse(Duration.ofDays(2)),
                retention.get("sign-in-challenges-after").as(Duration.class).orElse(Duration.ofHours(24)),
                retention.get("sessions-after").as(Duration.class).orElse(Duration.ofDays(7)),
                retention.get("sent-mail-after").as(Duration.class).orElse(Duration.ofDays(30)),
                retention.get("sign-in-ip-after").as(Duration.class).orElse(Duration.ofDays(90)),
                retention.get("interval").as(Duration.class).orElse(Duration.ofHours(1)),
                retention.get("dry-run").asBoolean().orElse(false));
    }
}
