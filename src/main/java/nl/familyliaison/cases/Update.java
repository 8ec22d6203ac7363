package nl.familyliaison.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A timeline entry as stored: the family inspector's text in a phase, for all members or chosen ones. A correction is
 * an update of its own that points at the one it corrects; the original is never changed. An update that went to the
 * wrong people is withdrawn (with its corrections): members no longer see it, the family inspector sees when and by
 * whom; shared again with the right members, the new update names the one it replaces.
 *
 * @param readBy       when each member read it, by membership id
 * @param withdrawal   null unless withdrawn
 * @param resharedFrom the withdrawn update this one shares again, or null
 */
public record Update(String id, String phase, String authorId, String authorName, String text, boolean forAllMembers,
                     String corrects, Instant postedAt, Set<String> memberIds, Map<String, Instant> readBy,
                     Withdrawal withdrawal, String resharedFrom) {

    /** When an update was withdrawn, and by whom (their name). */
    public record Withdrawal(Instant at, String byName) {
    }

    public boolean isCorrection() {
        return corrects != null;
    }

    public boolean isWithdrawn() {
        return withdrawal != null;
    }
}
