package nl.familyliaison.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import nl.familyliaison.audit.Verification.Break;

/**
 * The verification rules, without a database: fed the sealed events in position order, it recomputes each content
 * hash and chain hash and checks that positions run 1, 2, 3… without a gap, then that the chain ends at the head; purged
 * rows go through a {@link PurgeCheck} too.
 */
final class ChainWalk {

    private static final byte[] NO_HASH = new byte[0];

    private final PurgeCheck purges = new PurgeCheck();
    private ChainHead reached = ChainHead.GENESIS;
    private String lastEventId;

    /** Checks the next event; the answer is the break it shows, if any. */
    Optional<Break> next(SealedEvent event) {
        long expected = reached.position() + 1;
        if (event.position() != expected) {
            return broken(expected, event.id(), Break.MISSING_EVENT);
        }
        if (!Arrays.equals(recomputedContentHash(event), event.contentHash())) {
            return broken(expected, event.id(), Break.CONTENT_CHANGED);
        }
        ChainHead next = reached.next(event.id(), event.contentHash());
        if (!next.hashEquals(event.chainHash())) {
            return broken(expected, event.id(), Break.CHAIN_MISMATCH);
        }
        Optional<Break> purge = purges.passing(event);
        if (purge.isPresent()) {
            return purge;
        }
        reached = next;
        lastEventId = event.id();
        return Optional.empty();
    }

    /** Checks that the walk, having seen every event up to the head's position, ended exactly at {@code head}. */
    Optional<Break> end(ChainHead head) {
        if (reached.position() < head.position()) {
            return broken(reached.position() + 1, null, Break.MISSING_EVENT);
        }
        if (reached.position() > head.position() || !reached.equals(head)) {
            return broken(reached.position(), lastEventId, Break.CHAIN_MISMATCH);
        }
        return Optional.empty();
    }

    /** Purge events named by purged rows that the walk did not meet, with the break at the first row naming each. */
    Map<String, Break> unmetPurges() {
        return purges.unmet();
    }

    /** How many events checked out so far. */
    long checked() {
        return reached.position();
    }

    /** The content hash the stored fields give; one that matches nothing when they cannot give one. */
    static byte[] recomputedContentHash(SealedEvent event) {
        if (event.event() == null) {
            return NO_HASH;
        }
        if (!event.purged()) {
            return AuditHashes.contentHash(event.event());
        }
        // Erased by retention: the stored digest stands in for the personal fields.
        return event.personalDigest() == null ? NO_HASH
                                              : AuditHashes.contentHash(event.event(), event.personalDigest());
    }

    private static Optional<Break> broken(long position, String eventId, String reason) {
        return Optional.of(new Break(position, eventId, reason));
    }
}
