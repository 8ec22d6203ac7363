package nl.familyliaison.access;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in browser or client, as stored (the token itself is only known to the client).
 *
 * @param method   the audit action of the sign-in that started it (such as {@code sign-in.digid}); null for sessions
 *                 older than the column
 * @param linkOnly the session may only see itself, sign out and link DigiD (members must use DigiD; this one came
 *                 from the emailed code)
 */
public record Session(String id, Account account, String csrfToken, String device, Instant createdAt,
                      Instant lastSeenAt, Instant expiresAt, Instant endedAt, String method, boolean linkOnly) {

    /** A session whose way of signing in does not matter (tests of the decision, older rows). */
    public Session(String id, Account account, String csrfToken, String device, Instant createdAt,
                   Instant lastSeenAt, Instant expiresAt, Instant endedAt) {
        this(id, account, csrfToken, device, createdAt, lastSeenAt, expiresAt, endedAt, null, false);
    }

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
