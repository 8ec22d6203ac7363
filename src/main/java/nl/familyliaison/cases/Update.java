package nl.familyliaison.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A timeline entry as stored: the family inspector's text in a phase, for all members or chosen ones. A correction is
 * an update of its own that points at the one it corrects; the original is never changed.
 */
public record Update(String id, String phase, String authorId, String authorName, String text, boolean forAllMembers,
                     String corrects, Instant postedAt, Set<String> memberIds, Map<String, Instant> readBy) {

    public boolean isCorrection() {
        return corrects != null;
    }
}
