package nl.familyliaison.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.audit.AuditRepository.Position;
import nl.familyliaison.platform.ProblemException;

/**
 * "Who looked at my file", page by page. A member sees what <em>staff</em> did on the cases they are a member of now,
 * on the objects they may see themselves; a refusal of someone without access to the case shows only as such, without
 * name or role; their own steps and their relatives' never show. Pages run newest first and go on after the last
 * event the page before looked at, so nothing is cut off.
 */
final class MemberAccessLog {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** Events looked at for one page at most: a page may come back short (with a next cursor) rather than slow. */
    static final int SCAN_BUDGET = 2000;
    private static final Set<String> STAFF_ROLES = Set.of("FAMILY_INSPECTOR", "INVESTIGATOR", "ADMIN");

    /** How one event shows in the member's log. */
    enum Shown { HIDDEN, STAFF, REFUSED_WITHOUT_ACCESS }

    /** An event that shows, and how. */
    record Line(AccessEntry entry, Shown shown) {
    }

    /** The lines of a page, and the event the next page goes on after (empty on the last page). */
    record Page(List<Line> lines, Optional<String> continueAfter) {
    }

    private final AuditRepository events;

    MemberAccessLog(AuditRepository events) {
        this.events = events;
    }

    /** How {@code entry} shows to the member {@code viewer} whose case it is in, as {@code file} tells. */
    static Shown shown(AccessEntry entry, String viewer, MemberFile file) {
        String actor = entry.actorAccountId();
        if (viewer.equals(actor) || !file.maySee(entry.objectType(), entry.objectId())) {
            return Shown.HIDDEN;
        }
        boolean refused = entry.outcome() == Outcome.DENIED;
        boolean staff = entry.actorRole() != null && STAFF_ROLES.contains(entry.actorRole());
        if (staff && (!refused || file.isStaff(actor))) {
            return Shown.STAFF;
        }
        return refused && (actor == null || !file.isMember(actor)) ? Shown.REFUSED_WITHOUT_ACCESS : Shown.HIDDEN;
    }

    /**
     * One page of at most {@code limit} lines over {@code files}, after the event {@code after} when given.
     *
     * @throws ProblemException 400 when {@code after} names no event
     */
    Page page(String viewer, List<MemberFile> files, Optional<String> after, int limit) {
        Optional<Position> position = after.map(id -> events.positionOf(id).orElseThrow(MemberAccessLog::badCursor));
        Map<String, MemberFile> byCase = new HashMap<>();
        files.forEach(file -> byCase.put(file.caseId(), file));
        List<Line> lines = new ArrayList<>();
        int looked = 0;
        while (true) {
            Batch batch = batch(viewer, byCase.values(), position, limit + 1);
            for (int i = 0; i < batch.entries().size(); i++) {
                AccessEntry entry = batch.entries().get(i);
                looked++;
                Shown shown = shown(entry, viewer, byCase.get(entry.caseId()));
                if (shown != Shown.HIDDEN) {
                    lines.add(new Line(entry, shown));
                }
                boolean more = batch.more() || i < batch.entries().size() - 1;
                if (lines.size() == limit || looked >= SCAN_BUDGET) {
                    return new Page(lines, more ? Optional.of(entry.eventId()) : Optional.empty());
                }
                position = Optional.of(new Position(AuditTime.text(entry.at()), entry.seq()));
            }
            if (!batch.more()) {
                return new Page(lines, Optional.empty());
            }
        }
    }

    /** Events of all the cases before {@code position} in one time order, as far as every case was read. */
    private record Batch(List<AccessEntry> entries, boolean more) {
    }

    private Batch batch(String viewer, Iterable<MemberFile> files, Optional<Position> position, int size) {
        List<AccessEntry> merged = new ArrayList<>();
        AccessEntry horizon = null;
        for (MemberFile file : files) {
            List<AccessEntry> found = events.forMemberOnCase(file.caseId(), viewer, position, size);
            merged.addAll(found);
            // A case that filled its batch may have older events not read yet: the merged order holds down to the
            // newest of those cases' last events, and the next batch goes on from there.
            if (found.size() == size && (horizon == null
                                         || AccessEntry.NEWEST_FIRST.compare(found.getLast(), horizon) < 0)) {
                horizon = found.getLast();
            }
        }
        merged.sort(AccessEntry.NEWEST_FIRST);
        if (horizon == null) {
            return new Batch(merged, false);
        }
        AccessEntry last = horizon;
        return new Batch(merged.stream().filter(entry -> AccessEntry.NEWEST_FIRST.compare(entry, last) <= 0)
                                 .toList(), true);
    }

    static ProblemException badCursor() {
        return ProblemException.invalid("cursor", "This cursor is not valid. Start again without one.");
    }
}
