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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention erases who, which object, which case and from where, and keeps what was done, by which role, when and how
 * it ended. The chain still verifies afterwards, and an edit is not laundered by a purge.
 */
class AuditRetentionTest {

    private static final String OTHER_CASE = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";
    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();

    private AuditParts audit;
    private List<String> ids;

    @BeforeEach
    void appendSixEventsInOneCaseAndTwoInAnother() {
        audit = database.emptyLog(1000);
        AuditLog log = audit.log();
        ids = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            ids.add(log.append(AuditEvents.numbered(n, audit.clock().instant())));
        }
        for (int n = 7; n <= 8; n++) {
            ids.add(log.append(log.event("case.read", Outcome.ALLOWED).actor(Ids.newId(), "INVESTIGATOR")
                                       .object("case", OTHER_CASE).caseId(OTHER_CASE).build()));
        }
    }

    @Test
    void aPurgedCaseStillVerifiesAndKeepsOnlyWhatIsNotPersonal() {
        audit.sealer().sealPending();
        audit.clock().advance(Duration.ofDays(400));

        assertEquals(6, audit.retention().purgeContentOfCase(AuditEvents.CASE_ID));

        assertEquals(new Verification(true, 8, 1, Optional.empty()), audit.verifier().verify(),
                     "the purge's own event waits to be sealed");
        assertEquals(1, audit.sealer().sealPending());
        assertEquals(new Verification(true, 9, 0, Optional.empty()), audit.verifier().verify());
        SealedEvent purge = chain().get(8);
        assertEquals(List.of("audit.purge", "audit-event", "6"),
                     List.of(purge.event().action(), purge.event().objectType(), purge.event().detail()));
        assertEquals(6, database.count("SELECT COUNT(*) FROM audit_event WHERE purge_event_id = ?", purge.id()));
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
        audit.sealer().sealPending();
        assertTrue(audit.retention().purgeContent(ids.get(3)));
        assertFalse(audit.retention().purgeContent(ids.get(3)));
        assertFalse(audit.retention().purgeContent(Ids.newId()));
        assertTrue(audit.verifier().verify().ok());
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_event WHERE purged_at IS NOT NULL"));
    }

    @Test
    void anEventPurgedBeforeItWasSealedStillVerifies() {
        audit.retention().purgeContent(ids.get(0));
        audit.sealer().sealPending();
        assertTrue(audit.verifier().verify().ok());
    }

    @Test
    void anEditMadeBeforeThePurgeIsStillCaught() {
        audit.sealer().sealPending();
        database.sql("UPDATE audit_event SET actor_account_id = 'someone-else' WHERE id = ?", ids.get(3));
        audit.retention().purgeContentOfCase(AuditEvents.CASE_ID);
        assertFirstBreak(new Break(4, ids.get(3), Break.CONTENT_CHANGED));
    }

    @Test
    void whatAPurgeKeepsIsStillChecked() {
        audit.sealer().sealPending();
        audit.retention().purgeContentOfCase(AuditEvents.CASE_ID);
        database.sql("UPDATE audit_event SET outcome = 'ALLOWED' WHERE id = ?", ids.get(4));
        assertFirstBreak(new Break(5, ids.get(4), Break.CONTENT_CHANGED));
    }

    @Test
    void erasingAnEventByHandIsNotAPurge() {
        audit.sealer().sealPending();
        database.sql("UPDATE audit_event SET actor_account_id = NULL, purged_at = NOW(6), personal_digest = ?"
                     + " WHERE id = ?", new byte[32], ids.get(1));
        assertFirstBreak(new Break(2, ids.get(1), Break.CONTENT_CHANGED));
    }

    @Test
    void aPurgedEventWhoseActorIsPutBackIsCaught() {
        purgeTheCaseAndSeal();
        database.sql("UPDATE audit_event SET actor_account_id = 'someone-else' WHERE id = ?", ids.get(2));
        assertFirstBreak(new Break(3, ids.get(2), Break.PURGED_NOT_EMPTY));
    }

    @Test
    void aPurgedEventMovedToAnotherCaseIsCaught() {
        purgeTheCaseAndSeal();
        database.sql("UPDATE audit_event SET case_id = ? WHERE id = ?", OTHER_CASE, ids.get(1));
        assertFirstBreak(new Break(2, ids.get(1), Break.PURGED_NOT_EMPTY));
    }

    @Test
    void aPurgedEventWithAnotherDigestIsCaught() {
        purgeTheCaseAndSeal();
        database.sql("UPDATE audit_event SET personal_digest = ? WHERE id = ?", new byte[32], ids.get(4));
        assertFirstBreak(new Break(5, ids.get(4), Break.CONTENT_CHANGED));
    }

    @Test
    void erasingAnEventByHandWithTheRightDigestIsNotAPurge() {
        audit.sealer().sealPending();
        AuditEvent original = chain().get(6).event();
        database.sql("UPDATE audit_event SET actor_account_id = NULL, object_id = NULL, case_id = NULL,"
                     + " request_id = NULL, ip = NULL, detail = NULL, purged_at = NOW(6), personal_digest = ?"
                     + " WHERE id = ?",
                     AuditHashes.personalDigest(original), ids.get(6));
        assertFirstBreak(new Break(7, ids.get(6), Break.PURGE_UNACCOUNTED));
    }

    @Test
    void aHandErasedEventNamingAPurgeThatNeverHappenedIsCaught() {
        audit.sealer().sealPending();
        AuditEvent original = chain().get(6).event();
        database.sql("UPDATE audit_event SET actor_account_id = NULL, object_id = NULL, case_id = NULL,"
                     + " request_id = NULL, ip = NULL, detail = NULL, purged_at = NOW(6), personal_digest = ?,"
                     + " purge_event_id = ? WHERE id = ?", AuditHashes.personalDigest(original), Ids.newId(),
                     ids.get(6));
        assertFirstBreak(new Break(7, ids.get(6), Break.PURGE_UNACCOUNTED));
    }

    @Test
    void aHandErasedEventThatClaimsARealPurgeIsCaughtAtThatPurge() {
        audit.retention().purgeContent(ids.get(0));
        audit.sealer().sealPending();
        String purgeId = (String) database.column("SELECT purge_event_id FROM audit_event WHERE id = ?", ids.get(0))
                .getFirst();
        AuditEvent original = chain().get(1).event();
        database.sql("UPDATE audit_event SET actor_account_id = NULL, object_id = NULL, case_id = NULL,"
                     + " request_id = NULL, ip = NULL, detail = NULL, purged_at = NOW(6), personal_digest = ?,"
                     + " purge_event_id = ? WHERE id = ?",
                     AuditHashes.personalDigest(original), purgeId, ids.get(1));
        assertFirstBreak(new Break(9, purgeId, Break.PURGE_UNACCOUNTED));
    }

    private void purgeTheCaseAndSeal() {
        audit.sealer().sealPending();
        audit.retention().purgeContentOfCase(AuditEvents.CASE_ID);
        audit.sealer().sealPending();
        assertTrue(audit.verifier().verify().ok());
    }

    private void assertFirstBreak(Break expected) {
        assertEquals(Optional.of(expected), audit.verifier().verify().firstBreak());
    }

    private List<SealedEvent> chain() {
        return audit.chain();
    }
}
