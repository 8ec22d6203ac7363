package nl.familyliaison.access;

import io.helidon.webserver.http.ServerRequest;
import nl.familyliaison.platform.ClientAddress;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * The rate limits that slow down anyone guessing: per address and per IP on "send me a code", per IP on code checks
 * (each challenge also allows only 5 tries), per IP and per account on staff passwords. Their buckets live in
 * MariaDB, so every instance counts against the same limit.
 */
public final class SignInLimits {

    private final RateLimiter limiter;

    public SignInLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    void codeRequest(ServerRequest request, String email) {
        limiter.consume("code-request-ip", ClientAddress.of(request).value());
        limiter.consume("code-request-address", email);
    }

    void codeCheck(ServerRequest request) {
        limiter.consume("code-check-ip", ClientAddress.of(request).value());
    }

    void staffPassword(ServerRequest request, String email) {
        limiter.consume("staff-password-ip", ClientAddress.of(request).value());
        limiter.consume("staff-password-account", email);
    }
}
