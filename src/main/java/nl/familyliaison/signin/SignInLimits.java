package nl.familyliaison.signin;

import io.helidon.config.Config;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * The rate limits that slow down anyone guessing. Their buckets live in MariaDB, so every instance counts against
 * the same limit. None of them lets one person lock another out:
 * <ul>
 * <li>"send me a code": per IP (429), and per address — past that one the answer stays the same 202, only no more
 * mail is sent, so nobody can see whether a limit was hit or make someone else's "send me a code" fail;</li>
 * <li>code checks: per IP (each challenge also allows only 5 tries);</li>
 * <li>staff passwords: per IP and per account and IP together (429), and per account from anywhere a growing
 * delay ({@link SignInDelay}) instead of a refusal.</li>
 * </ul>
 */
final class SignInLimits {

    private final RateLimiter limiter;
    private final SignInDelay delay;

    /**
     * @param signIn the {@code sign-in} node: the staff delay's settings
     */
    SignInLimits(RateLimiter limiter, Config signIn) {
        this.limiter = limiter;
        this.delay = SignInDelay.from(signIn);
    }

    /** @return whether a code may be mailed to {@code email} (its per-address limit is not reached) */
    boolean codeRequest(Caller caller, String email) {
        limiter.consume("code-request-ip", caller.address());
        return limiter.tryConsume("code-request-address", email);
    }

    void codeCheck(Caller caller) {
        limiter.consume("code-check-ip", caller.address());
    }

    /** Before a staff password is checked: the hard limits, then the wait the account's failures call for. */
    void staffPassword(Caller caller, String email) {
        String ip = caller.address();
        limiter.consume("staff-password-ip", ip);
        limiter.consume("staff-password-account-ip", email + " " + ip);
        delay.pause(limiter.excess("staff-password-account", email));
    }

    /** After a failed staff sign-in: one more failure for the account, wherever it came from. */
    void staffPasswordFailed(String email) {
        limiter.countFailure("staff-password-account", email);
    }
}
