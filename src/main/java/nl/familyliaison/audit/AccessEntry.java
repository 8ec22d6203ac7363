package nl.familyliaison.audit;

import java.time.Instant;
import java.util.Comparator;

/**
 * One event as a member's "who looked at my file" reads it: which event (id, and its row number for time order
 * only — never shown), on which case, who (account id and role, null when anonymous; the caller resolves names),
 * what they did to which object, how it ended, and when.
 */
public record AccessEntry(String eventId, long seq, String caseId, String actorAccountId, String actorRole,
                          String action, String objectType, String objectId, Outcome outcome, Instant at) {

    /** Newest first: by time, then by row for events of the same microsecond. */
    static final Comparator<AccessEntry> NEWEST_FIRST = Comparator.comparing(AccessEntry::at)
            .thenComparingLong(AccessEntry::seq).reversed();
}
