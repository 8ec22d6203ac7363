package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsAFailureWrappedDeepInTheChain() {
        SQLException deadlock = new SQLException("Deadlock found", "40001");
        RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("middle", deadlock));

        assertTrue(Causes.any(wrapped, cause -> cause == deadlock));
        assertTrue(Transactions.isDeadlock(wrapped));
        assertFalse(Causes.any(wrapped, cause -> cause instanceof ArithmeticException));
        assertSame(deadlock, Causes.root(wrapped));
    }

    @Test
    void theRootOfAFailureWithoutCauseIsItself() {
        RuntimeException alone = new RuntimeException("alone");

        assertSame(alone, Causes.root(alone));
    }

    @Test
    void aChainThatLoopsBackIsWalkedOnce() {
        IllegalStateException inner = new IllegalStateException("inner");
        RuntimeException outer = new RuntimeException("outer", inner);
        inner.initCause(outer);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFalse(Causes.any(outer, cause -> cause instanceof ArithmeticException));
            assertSame(inner, Causes.root(outer));
        });
    }
}
