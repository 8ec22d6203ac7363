package nl.familyliaison.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The wait past the account's failure limit: none within it, then doubling up to the cap. */
class SignInDelayTest {

    private final SignInDelay delay = new SignInDelay(Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void withinTheLimitThereIsNoWait() {
        assertEquals(Duration.ZERO, delay.after(0));
    }

    @Test
    void eachFailurePastTheLimitDoublesTheWaitUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), delay.after(1));
        assertEquals(Duration.ofSeconds(2), delay.after(2));
        assertEquals(Duration.ofSeconds(4), delay.after(3));
        assertEquals(Duration.ofSeconds(8), delay.after(4));
        assertEquals(Duration.ofSeconds(10), delay.after(5));
        assertEquals(Duration.ofSeconds(10), delay.after(Long.MAX_VALUE), "no overflow");
    }

    @Test
    void aCapBelowTheFirstWaitIsRefused() {
        assertThrows(IllegalStateException.class, () -> new SignInDelay(Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }
}
