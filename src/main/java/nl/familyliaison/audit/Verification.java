package nl.familyliaison.audit;

import java.util.Optional;

/**
 * The result of walking the access log's chain.
 *
 * @param ok         whether nothing was found wrong
 * @param checked    how many sealed events were checked before the walk ended (or broke)
 * @param pending    how many events were still waiting to be sealed (not checked yet)
 * @param firstBreak the first thing found wrong
 */
public record Verification(boolean ok, long checked, long pending, Optional<Break> firstBreak) {

    static Verification of(long checked, long pending, Optional<Break> firstBreak) {
        return new Verification(firstBreak.isEmpty(), checked, pending, firstBreak);
    }

    /**
     * Where the chain breaks and why.
     *
     * @param position the chain position where it breaks
     * @param eventId  the event found there; for a missing event the one that follows the gap; null if there is none
     * @param reason   one of the plain reasons below
     */
    public record Break(long position, String eventId, String reason) {
        /** The event's fields no longer give its stored content hash. */
        public static final String CONTENT_CHANGED = "content changed";
        /** A position between 1 and the head has no event: it was deleted. */
        public static final String MISSING_EVENT = "missing event";
        /** The chain does not link up here: an event was inserted, reordered, or its hashes replaced. */
        public static final String CHAIN_MISMATCH = "chain hash mismatch / inserted or reordered";
        /** The head written outside the database names a hash the table does not have at that position. */
        public static final String HEAD_FILE_DISAGREES = "head file disagrees";
        /** The chain has sealed events but there is no head file: a rewrite of the whole table could not be seen. */
        public static final String HEAD_FILE_MISSING = "head file missing";
        /** The head file stops before the chain's head: the newest events are not vouched for outside the table. */
        public static final String HEAD_FILE_BEHIND = "head file behind";
        /** A row marked purged still holds personal fields (account, object, case, request, address or detail). */
        public static final String PURGED_NOT_EMPTY = "purged event not empty";
        /** A row marked purged names no purge event sealed after it, or more rows name a purge than it erased. */
        public static final String PURGE_UNACCOUNTED = "purge not sealed in the chain";
    }
}
