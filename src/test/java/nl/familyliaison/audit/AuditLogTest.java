package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.TimeZone;

import io.helidon.dbclient.DbTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Appending: what goes in comes back exactly, and an append inside a transaction shares its fate. */
class AuditLogTest {

    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();
    private AuditParts audit;

    @BeforeEach
    void emptyLog() {
        audit = database.emptyLog(1000);
    }

    @Test
    void anAppendedEventIsPendingUntilSealedAndComesBackExactly() {
        AuditEvent event = AuditEvents.caseRead(Instant.parse("2026-03-02T09:00:00.123456Z"));
        String id = audit.log().append(event);

        assertEquals(1, audit.repository().countPending());
        audit.sealer().sealPending();

        SealedEvent sealed = audit.chain().getFirst();
        assertEquals(id, sealed.id());
        assertEquals(event, sealed.event());
        assertEquals(0, audit.repository().countPending());
    }

    @Test
    void theEventTimeComesFromTheClock() {
        String id = audit.log().append(audit.log().event("sign-in.member", Outcome.FAILED)
                                               .object("account", null).request("r1", "192.0.2.1").build());
        audit.sealer().sealPending();
        assertEquals(id, audit.chain().getFirst().id());
        assertEquals(audit.clock().instant(), audit.chain().getFirst().event().at());
    }

    @Test
    void anAppendInsideATransactionCommitsOrRollsBackWithIt() {
        DbTransaction rolledBack = database.first().client().transaction();
        audit.log().append(rolledBack, AuditEvents.numbered(1, audit.clock().instant()));
        rolledBack.rollback();
        assertEquals(0, audit.repository().countPending());

        DbTransaction committed = database.first().client().transaction();
        audit.log().append(committed, AuditEvents.numbered(2, audit.clock().instant()));
        committed.commit();
        assertEquals(1, audit.repository().countPending());
    }

    /** 02:30 on 29 March 2026 does not exist on Amsterdam clocks; as a UTC time it must still come back unchanged. */
    @Test
    void aUtcTimeInALocalDaylightSavingGapIsKeptExactly() {
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
            AuditEvent event = AuditEvents.caseRead(Instant.parse("2026-03-29T02:30:00.000001Z"));
            audit.log().append(event);
            audit.sealer().sealPending();
            assertEquals(event.at(), audit.chain().getFirst().event().at());
            assertTrue(audit.verifier().verify().ok());
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
