package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.familyliaison.audit.Verification.Break;
import org.junit.jupiter.api.Test;

/** The verification rules on chains built in memory: the walk names the first event where a chain goes wrong. */
class ChainWalkTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anIntactChainWalksToItsHead() {
        List<SealedEvent> chain = chain(5);
        ChainWalk walk = new ChainWalk();
        chain.forEach(event -> assertTrue(walk.next(event).isEmpty()));
        assertTrue(walk.end(head(chain.getLast())).isEmpty());
        assertEquals(5, walk.checked());
    }

    @Test
    void aGapIsAMissingEventNamedByTheEventAfterIt() {
        List<SealedEvent> chain = chain(5);
        chain.remove(2);
        assertEquals(new Break(3, chain.get(2).id(), Break.MISSING_EVENT), firstBreak(chain).orElseThrow());
    }

    @Test
    void changedContentIsNamedAtItsEvent() {
        List<SealedEvent> chain = chain(5);
        SealedEvent original = chain.get(3);
        AuditEvent changed = AuditEvents.numbered(99, AT);
        chain.set(3, new SealedEvent(4, original.id(), changed, original.contentHash(), original.chainHash(), null,
                                     false, null));
        assertEquals(new Break(4, original.id(), Break.CONTENT_CHANGED), firstBreak(chain).orElseThrow());
    }

    @Test
    void twoEventsSwappedBreakTheChainAtTheFirstOfThem() {
        List<SealedEvent> chain = chain(5);
        SealedEvent second = chain.get(1);
        SealedEvent third = chain.get(2);
        chain.set(1, at(2, third));
        chain.set(2, at(3, second));
        assertEquals(new Break(2, third.id(), Break.CHAIN_MISMATCH), firstBreak(chain).orElseThrow());
    }

    @Test
    void aHeadBeyondTheLastEventMeansTheNewestEventsAreMissing() {
        List<SealedEvent> chain = chain(5);
        ChainHead head = head(chain.getLast());
        chain.removeLast();
        ChainWalk walk = new ChainWalk();
        chain.forEach(walk::next);
        assertEquals(new Break(5, null, Break.MISSING_EVENT), walk.end(head).orElseThrow());
    }

    @Test
    void aHeadWithAnotherHashDoesNotMatchTheLastEvent() {
        List<SealedEvent> chain = chain(3);
        ChainWalk walk = new ChainWalk();
        chain.forEach(walk::next);
        ChainHead forged = new ChainHead(3, new byte[32]);
        assertEquals(new Break(3, chain.getLast().id(), Break.CHAIN_MISMATCH), walk.end(forged).orElseThrow());
    }

    private static Optional<Break> firstBreak(List<SealedEvent> chain) {
        ChainWalk walk = new ChainWalk();
        for (SealedEvent event : chain) {
            Optional<Break> found = walk.next(event);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<SealedEvent> chain(int length) {
        List<SealedEvent> chain = new ArrayList<>();
        ChainHead head = ChainHead.GENESIS;
        for (int n = 1; n <= length; n++) {
            AuditEvent event = AuditEvents.numbered(n, AT.plusSeconds(n));
            byte[] content = AuditHashes.contentHash(event);
            String id = "event-" + n;
            head = head.next(id, content);
            chain.add(new SealedEvent(n, id, event, content, head.hash(), null, false, null));
        }
        return chain;
    }

    private static SealedEvent at(long position, SealedEvent event) {
        return new SealedEvent(position, event.id(), event.event(), event.contentHash(), event.chainHash(), null,
                               false, null);
    }

    private static ChainHead head(SealedEvent last) {
        return new ChainHead(last.position(), last.chainHash());
    }
}
