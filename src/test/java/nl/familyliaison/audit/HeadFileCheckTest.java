package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.familyliaison.audit.Verification.Break;
import org.junit.jupiter.api.Test;

/** Head file lines are compared as the walk passes their positions; the ones it cannot meet are handed back. */
class HeadFileCheckTest {

    private static final List<ChainHead> CHAIN = chain(9);

    @Test
    void linesInOrderAreAllComparedDuringTheWalk() {
        HeadFileCheck check = new HeadFileCheck(List.of(CHAIN.get(2), CHAIN.get(5), CHAIN.get(8)).iterator());
        assertTrue(walk(check).isEmpty());
        assertEquals(List.of(), check.rest().toList());
    }

    @Test
    void aLineThatDisagreesIsNamedAtItsPosition() {
        ChainHead forged = new ChainHead(6, new byte[32]);
        HeadFileCheck check = new HeadFileCheck(List.of(CHAIN.get(2), forged, CHAIN.get(8)).iterator());
        assertEquals(Optional.of(new Break(6, "event-6", Break.HEAD_FILE_DISAGREES)), walk(check));
    }

    @Test
    void linesOutOfOrderOrBeyondTheWalkAreLeftForALookUp() {
        ChainHead beyond = CHAIN.get(8).next("event-10", new byte[32]);
        HeadFileCheck check = new HeadFileCheck(List.of(CHAIN.get(5), CHAIN.get(2), CHAIN.get(8), beyond).iterator());
        assertTrue(walk(check).isEmpty());
        assertEquals(List.of(CHAIN.get(2), beyond), check.rest().toList());
    }

    private static Optional<Break> walk(HeadFileCheck check) {
        for (ChainHead link : CHAIN) {
            Optional<Break> found = check.passing(link.position(), "event-" + link.position(), link.hash());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<ChainHead> chain(int length) {
        List<ChainHead> chain = new ArrayList<>();
        ChainHead head = ChainHead.GENESIS;
        for (int n = 1; n <= length; n++) {
            head = head.next("event-" + n, new byte[32]);
            chain.add(head);
        }
        return chain;
    }
}
