package nl.familyliaison.signin;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * How long a staff sign-in waits once the account has had more failed attempts (from anywhere) than its limit
 * allows: the first attempt past the limit waits {@code first}, each further one twice as long, up to {@code max}.
 * A wait rather than a refusal, so someone failing on a colleague's account slows the guessing down without
 * locking the colleague out: they still get in, a few seconds later.
 */
record SignInDelay(Duration first, Duration max) {

    SignInDelay {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalStateException(
                    "sign-in.staff-delay must be at least zero and at most sign-in.staff-delay-max");
        }
    }

    /** From {@code sign-in.staff-delay} (default 1 s) and {@code sign-in.staff-delay-max} (default 10 s). */
    static SignInDelay from(Config signIn) {
        return new SignInDelay(signIn.get("staff-delay").as(Duration.class).orElse(Duration.ofSeconds(1)),
                               signIn.get("staff-delay-max").as(Duration.class).orElse(Duration.ofSeconds(10)));
    }

    /** The wait for an attempt when {@code excess} failures are past the limit (none while within it). */
    Duration after(long excess) {
        if (excess <= 0) {
            return Duration.ZERO;
        }
        // Past 2^30 doublings every sensible max is reached; stopping there keeps the product far from overflowing.
        Duration wait = first.multipliedBy(1L << Math.min(excess - 1, 30));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Waits {@code after(excess)}; an interrupted wait ends the request like any interrupted thread. */
    void pause(long excess) {
        Duration wait = after(excess);
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while slowing down a sign-in", e);
        }
    }
}
