package nl.familyliaison.access;

import java.time.Duration;
import java.time.Instant;

/** A signed-in browser or client, as stored (the token itself is only known to the client). */
public record Session(String id, Account account, String csrfToken, String device, Instant createdAt,
                      Instant lastSeenAt, Instant expiresAt, Instant endedAt) {

    /** Whether the session may still be used at {@code now}: not ended, not idle too long, not past its end. */
    public boolean isUsableAt(Instant now, Duration idleTimeout) {
        return endedAt == null
               && now.isBefore(expiresAt)
               && now.isBefore(lastSeenAt.plus(idleTimeout))
               && account.status() == Account.Status.ACTIVE;
    }

    /** When the session ends if nothing more happens. */
    public Instant idleExpiresAt(Duration idleTimeout) {
        Instant idle = lastSeenAt.plus(idleTimeout);
        return idle.isBefore(expiresAt) ? idle : expiresAt;
    }
}
