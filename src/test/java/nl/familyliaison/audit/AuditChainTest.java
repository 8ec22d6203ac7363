package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
 * Nine events sealed in batches of three (head file lines at positions 3, 6 and 9), then tampered with over plain
 * JDBC the way someone with database access could: verification names the first event where the chain breaks.
 */
class AuditChainTest {

    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();

    private AuditParts audit;
    private List<String> ids;

    @BeforeEach
    void sealNineEvents() {
        audit = database.emptyLog(3);
        ids = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            audit.clock().advance(Duration.ofSeconds(1));
            ids.add(audit.log().append(AuditEvents.numbered(n, audit.clock().instant())));
        }
        assertEquals(9, audit.sealer().sealPending());
    }

    @Test
    void anUntouchedChainVerifies() {
        audit.log().append(AuditEvents.numbered(10, audit.clock().instant()));
        Verification verification = audit.verifier().verify();
        assertEquals(new Verification(true, 9, 1, Optional.empty()), verification);
    }

    @Test
    void theHeadFileGetsALinePerSealedBatch() throws IOException {
        List<String> lines = Files.readAllLines(audit.headFile());
        assertEquals(3, lines.size());
        assertEquals(List.of(3L, 6L, 9L), lines.stream().map(line -> Long.parseLong(line.split(" ")[0])).toList());
        assertTrue(lines.getLast().startsWith("9 " + audit.repository().head().hashHex() + " 2026-03-02T09:00:09Z"),
                   lines.getLast());
    }

    @Test
    void aChangedFieldIsCaughtAtItsEvent() {
        database.sql("UPDATE audit_event SET actor_account_id = 'someone-else' WHERE id = ?", ids.get(4));
        assertBreak(5, ids.get(4), Break.CONTENT_CHANGED);
    }

    @Test
    void aFieldChangedIntoSomethingNoEventCouldHoldIsCaughtAtItsEvent() {
        database.sql("UPDATE audit_event SET action = 'Not An Action' WHERE id = ?", ids.get(6));
        assertBreak(7, ids.get(6), Break.CONTENT_CHANGED);
    }

    @Test
    void aChangedFieldWithARecomputedContentHashIsCaughtByTheChain() {
        AuditEvent changed = AuditEvents.withAction(event(5), "case.update");
        database.sql("UPDATE audit_event SET action = 'case.update', content_hash = ? WHERE id = ?",
                     AuditHashes.contentHash(changed), ids.get(4));
        assertBreak(5, ids.get(4), Break.CHAIN_MISMATCH);
    }

    @Test
    void aDeletedEventShowsAsAMissingPosition() {
        database.sql("DELETE FROM audit_event WHERE id = ?", ids.get(4));
        assertBreak(5, ids.get(5), Break.MISSING_EVENT);
    }

    @Test
    void deletedNewestEventsAreMissingBehindTheHead() {
        database.sql("DELETE FROM audit_event WHERE chain_position >= 8");
        assertBreak(8, null, Break.MISSING_EVENT);
    }

    @Test
    void twoEventsSwappedAreCaughtWhereTheOrderChanges() {
        database.sql("UPDATE audit_event SET chain_position = -1 WHERE chain_position = 4");
        database.sql("UPDATE audit_event SET chain_position = 4 WHERE chain_position = 5");
        database.sql("UPDATE audit_event SET chain_position = 5 WHERE chain_position = -1");
        assertBreak(4, ids.get(4), Break.CHAIN_MISMATCH);
    }

    @Test
    void aForgedEventInsertedInTheMiddleIsCaughtAtTheForgery() {
        makeRoomAt(5);
        String forged = insertSealed(5, AuditEvents.numbered(99, audit.clock().instant()), new byte[32]);
        assertBreak(5, forged, Break.CHAIN_MISMATCH);
    }

    @Test
    void aForgedEventThatFitsItsPredecessorIsCaughtAtTheEventAfterIt() {
        makeRoomAt(5);
        AuditEvent event = AuditEvents.numbered(99, audit.clock().instant());
        ChainHead fourth = new ChainHead(4, chain().get(3).chainHash());
        String forged = "6b1f3a52-0c9d-4e8f-a7b6-c5d4e3f2a1b0";
        insertSealed(5, forged, event, fourth.next(forged, AuditHashes.contentHash(event)).hash());
        assertBreak(6, ids.get(4), Break.CHAIN_MISMATCH);
    }

    @Test
    void anEventPutBeyondTheHeadIsCaught() {
        String forged = insertSealed(10, AuditEvents.numbered(99, audit.clock().instant()), new byte[32]);
        assertBreak(10, forged, Break.CHAIN_MISMATCH);
    }

    @Test
    void aRewriteOfTheWholeTableIsCaughtByTheHeadFile() {
        AuditEvent changed = AuditEvents.withActor(event(5), "someone-else");
        database.sql("UPDATE audit_event SET actor_account_id = 'someone-else', content_hash = ? WHERE id = ?",
                     AuditHashes.contentHash(changed), ids.get(4));
        rechainFrom(5);
        assertBreak(6, ids.get(5), Break.HEAD_FILE_DISAGREES);
    }

    @Test
    void cuttingOffTheNewestEventsAndTheHeadIsCaughtByTheHeadFile() {
        database.sql("DELETE FROM audit_event WHERE chain_position >= 8");
        rechainFrom(8);
        assertBreak(9, null, Break.HEAD_FILE_DISAGREES);
    }

    @Test
    void aDeletedTailWithTheHeadFileRemovedIsCaughtAtTheFirstMissingEvent() throws IOException {
        database.sql("DELETE FROM audit_event WHERE chain_position >= 8");
        Files.delete(audit.headFile());
        assertBreak(8, null, Break.MISSING_EVENT);
    }

    @Test
    void aDeletedTailWithTheHeadMovedBackAndTheHeadFileRemovedIsCaught() throws IOException {
        database.sql("DELETE FROM audit_event WHERE chain_position >= 8");
        rechainFrom(8);
        Files.delete(audit.headFile());
        assertBreak(1, ids.get(0), Break.HEAD_FILE_MISSING);
    }

    @Test
    void aHeadFileThatStopsBeforeTheHeadFailsVerification() throws IOException {
        List<String> lines = Files.readAllLines(audit.headFile());
        Files.write(audit.headFile(), lines.subList(0, 2));
        assertBreak(7, ids.get(6), Break.HEAD_FILE_BEHIND);
    }

    @Test
    void aChangedDetailIsCaughtAtItsEvent() {
        database.sql("UPDATE audit_event SET detail = 'rewritten' WHERE id = ?", ids.get(2));
        assertBreak(3, ids.get(2), Break.CONTENT_CHANGED);
    }

    private void assertBreak(long position, String eventId, String reason) {
        Verification verification = audit.verifier().verify();
        assertEquals(Optional.of(new Break(position, eventId, reason)), verification.firstBreak());
        assertFalse(verification.ok());
    }

    private AuditEvent event(int position) {
        return chain().get(position - 1).event();
    }

    private List<SealedEvent> chain() {
        return audit.chain();
    }

    private void makeRoomAt(long position) {
        database.sql("UPDATE audit_event SET chain_position = chain_position + 1 WHERE chain_position >= ?"
                     + " ORDER BY chain_position DESC", position);
    }

    private String insertSealed(long position, AuditEvent event, byte[] chainHash) {
        return insertSealed(position, Ids.newId(), event, chainHash);
    }

    private String insertSealed(long position, String id, AuditEvent event, byte[] chainHash) {
        database.sql("INSERT INTO audit_event (id, actor_account_id, actor_role, action, object_type, object_id,"
                     + " case_id, outcome, occurred_at, request_id, ip, detail, content_hash, chain_position,"
                     + " chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     id, event.actorAccountId(), event.actorRole(), event.action(), event.objectType(),
                     event.objectId(), event.caseId(), event.outcome().name(), AuditTime.text(event.at()),
                     event.requestId(), event.ip(), event.detail(), AuditHashes.contentHash(event), position,
                     chainHash);
        return id;
    }

    /** What a thorough intruder does after an edit: recompute every chain hash from there and move the head. */
    private void rechainFrom(long position) {
        List<SealedEvent> chain = chain();
        ChainHead head = position == 1 ? ChainHead.GENESIS
                                       : new ChainHead(position - 1, chain.get((int) position - 2).chainHash());
        for (SealedEvent event : chain.subList((int) position - 1, chain.size())) {
            head = head.next(event.id(), event.contentHash());
            database.sql("UPDATE audit_event SET chain_hash = ? WHERE id = ?", head.hash(), event.id());
        }
        database.sql("UPDATE audit_chain_head SET last_position = ?, last_hash = ? WHERE id = 1",
                     head.position(), head.hash());
    }
}
