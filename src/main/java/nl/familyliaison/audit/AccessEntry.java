package nl.familyliaison.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a member's "who looked at my file": who (account id and role, null when anonymous; the caller resolves
 * names), what they did to which kind of object, how it ended, and when.
 */
public record AccessEntry(String actorAccountId, String actorRole, String action, String objectType, Outcome outcome,
                          Instant at) {

    /** The newest {@code limit} of {@code entries}, newest first. */
    static List<AccessEntry> newestFirst(Collection<AccessEntry> entries, int limit) {
        List<AccessEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(AccessEntry::at).reversed());
        return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
    }
}
