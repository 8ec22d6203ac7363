package nl.familyliaison.access;

import java.time.Duration;
import java.time.Instant;

/**
 * The signed-in person as the client sees them, with the token it must send on state-changing requests. The idle
 * timeout lets the web client warn before the session ends without comparing its clock with the service's.
 */
public record SessionView(String accountId, Role role, String displayName, String email, String language,
                          String csrfToken, Instant idleExpiresAt, Instant expiresAt, long idleTimeoutSeconds,
                          String method, boolean linkOnly) {

    public static SessionView of(Session session, Duration idleTimeout) {
        Account account = session.account();
        return new SessionView(account.id(), account.role(), account.displayName(), account.email(),
                               account.language().code(), session.csrfToken(), session.idleExpiresAt(idleTimeout),
                               session.expiresAt(), idleTimeout.toSeconds(), session.method(), session.linkOnly());
    }
}
