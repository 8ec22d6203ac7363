package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.familyliaison.audit.Verification.Break;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention erases who, which object, which case and from where, and keeps what was done, by which role, when and how
 * it ended. The chain still verifies afterwards, and an edit is not laundered by a purge.
 */
class AuditRetentionTest {

    private static final String OTHER_CASE = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";
    private static AuditDatabase database;
    private static AuditRepository repository;

    private TestClock clock;
    private AuditLog log;
    private AuditSealer sealer;
    private AuditVerifier verifier;
    private AuditRetention retention;
    private List<String> ids;

    @BeforeAll
    static void open() {
        database = AuditDatabase.create();
        repository = new AuditRepository(database.first().client());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void appendSixEventsInOneCaseAndTwoInAnother() {
        database.reset();
        clock = TestClock.at("2026-03-02T09:00:00Z");
        var settings = new AuditSettings(Duration.ofSeconds(1),
                                         TestFolders.fresh("audit-retention").resolve("chain-head.log"), 1000);
        log = new AuditLog(repository, clock);
        sealer = new AuditSealer(repository, settings, clock);
        verifier = new AuditVerifier(repository, settings.headFile());
        retention = new AuditRetention(repository, clock);
        ids = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            ids.add(log.append(AuditEvents.numbered(n, clock.instant())));
        }
        for (int n = 7; n <= 8; n++) {
            ids.add(log.append(log.event("case.read", Outcome.ALLOWED).actor(Ids.newId(), "INVESTIGATOR")
                                       .object("case", OTHER_CASE).caseId(OTHER_CASE).build()));
        }
    }

    @Test
    void aPurgedCaseStillVerifiesAndKeepsOnlyWhatIsNotPersonal() {
        sealer.sealPending();
        clock.advance(Duration.ofDays(400));

        assertEquals(6, retention.purgeCase(AuditEvents.CASE_ID));

        assertEquals(new Verification(true, 8, 0, Optional.empty()), verifier.verify());
        AuditEvent purged = chain().get(2).event();
        assertEquals(List.of("message.read", "MEMBER", "message", "ALLOWED"),
                     List.of(purged.action(), purged.actorRole(), purged.objectType(), purged.outcome().name()));
        assertNull(purged.actorAccountId());
        assertNull(purged.objectId());
        assertNull(purged.caseId());
        assertNull(purged.requestId());
        assertNull(purged.ip());
        assertTrue(chain().get(2).purged());
        assertNotNull(chain().get(6).event().actorAccountId(), "the other case is untouched");
    }

    @Test
    void oneEventCanBePurgedOnce() {
        sealer.sealPending();
        assertTrue(retention.purgeEvent(ids.get(3)));
        assertFalse(retention.purgeEvent(ids.get(3)));
        assertFalse(retention.purgeEvent(Ids.newId()));
        assertTrue(verifier.verify().ok());
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_event WHERE purged_at IS NOT NULL"));
    }

    @Test
    void anEventPurgedBeforeItWasSealedStillVerifies() {
        retention.purgeEvent(ids.get(0));
        sealer.sealPending();
        assertTrue(verifier.verify().ok());
    }

    @Test
    void anEditMadeBeforeThePurgeIsStillCaught() {
        sealer.sealPending();
        database.sql("UPDATE audit_event SET actor_account_id = 'someone-else' WHERE id = ?", ids.get(3));
        retention.purgeCase(AuditEvents.CASE_ID);
        assertEquals(Optional.of(new Break(4, ids.get(3), Break.CONTENT_CHANGED)), verifier.verify().firstBreak());
    }

    @Test
    void whatAPurgeKeepsIsStillChecked() {
        sealer.sealPending();
        retention.purgeCase(AuditEvents.CASE_ID);
        database.sql("UPDATE audit_event SET outcome = 'ALLOWED' WHERE id = ?", ids.get(4));
        assertEquals(Optional.of(new Break(5, ids.get(4), Break.CONTENT_CHANGED)), verifier.verify().firstBreak());
    }

    @Test
    void erasingAnEventByHandIsNotAPurge() {
        sealer.sealPending();
        database.sql("UPDATE audit_event SET actor_account_id = NULL, purged_at = NOW(6), personal_digest = ?"
                     + " WHERE id = ?", new byte[32], ids.get(1));
        assertEquals(Optional.of(new Break(2, ids.get(1), Break.CONTENT_CHANGED)), verifier.verify().firstBreak());
    }

    private static List<SealedEvent> chain() {
        return repository.chain(0, Long.MAX_VALUE, 100);
    }
}
