package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nl.familyliaison.platform.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sealer in the background: it runs until closed, seals what was appended before it closed, and loses nothing. */
class AuditSealerTest {

    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();
    private AuditParts audit;

    @BeforeEach
    void emptyLog() {
        audit = database.emptyLog(10);
    }

    @Test
    void whatWasAppendedBeforeCloseIsSealedWhenItHasClosed() throws IOException {
        audit.sealer().start();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 1; n <= 45; n++) {
                int number = n;
                requests.submit(() -> audit.log().append(AuditEvents.numbered(number, audit.clock().instant())));
            }
        }
        audit.sealer().close();

        Verification verification = audit.verifier().verify();
        assertEquals(new Verification(true, 45, 0, Optional.empty()), verification);
        assertFalse(Files.readAllLines(audit.headFile()).isEmpty());
    }

    @Test
    void aSealerThatCannotReachTheDatabaseLosesNothing() {
        audit.log().append(AuditEvents.numbered(1, audit.clock().instant()));
        Database unreachable = database.another();
        unreachable.close();
        AuditParts cutOff = AuditParts.on(unreachable, 10);

        assertThrows(RuntimeException.class, () -> cutOff.sealer().sealPending());
        cutOff.sealer().start();
        cutOff.sealer().close();

        assertEquals(1, audit.repository().countPending());
        assertEquals(1, audit.sealer().sealPending());
        assertTrue(audit.verifier().verify().ok());
    }

    @Test
    void aSealerStartsOnce() {
        audit.sealer().start();
        try {
            assertThrows(IllegalStateException.class, () -> audit.sealer().start());
        } finally {
            audit.sealer().close();
        }
    }

    @Test
    void nothingPendingWritesNoHeadLine() {
        assertEquals(0, audit.sealer().sealPending());
        assertFalse(Files.exists(audit.headFile()));
        assertEquals(ChainHead.GENESIS, audit.repository().head());
    }
}
