package nl.familyliaison.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.audit.Verification.Break;

/**
 * The rules for purged rows, fed the sealed events in position order. A purged row must hold no personal field any more
 * (its digest stands in for them), and must name the {@code audit.purge} event that retention appended in the same
 * transaction. Every row a purge erased was appended before that purge, so it is sealed before it: the walk meets the
 * rows first and the purge event after them, and then checks that no more rows name it than its detail says it erased.
 * Without this, anyone with database access could blank an event's actor and call it a purge.
 */
final class PurgeCheck {

    static final String ACTION = "audit.purge";
    static final String OBJECT_TYPE = "audit-event";

    // Purge events named by rows the walk passed, not met yet: how many rows named each, and the first of them.
    private final Map<String, Claims> open = new LinkedHashMap<>();
    private final Set<String> passed = new HashSet<>();

    /** The event a purge appends, erasing {@code count} rows. */
    static AuditEvent.Builder purgeEvent(AuditLog log, int count) {
        return log.event(ACTION, Outcome.SUCCEEDED).object(OBJECT_TYPE, null).detail(Integer.toString(count));
    }

    /** Checks {@code event}, whose content and chain hash were found right. */
    Optional<Break> passing(SealedEvent event) {
        if (event.purged()) {
            Optional<Break> found = purgedRow(event);
            if (found.isPresent()) {
                return found;
            }
        }
        return isPurge(event.event()) ? purge(event) : Optional.empty();
    }

    /** Purge events that rows named and the walk never met, each with the break at the first row naming it. */
    Map<String, Break> unmet() {
        Map<String, Break> unmet = new HashMap<>();
        open.forEach((purgeId, claims) -> unmet.put(purgeId, claims.first()));
        return unmet;
    }

    private Optional<Break> purgedRow(SealedEvent row) {
        AuditEvent event = row.event();
        if (event.actorAccountId() != null || event.objectId() != null || event.caseId() != null
            || event.requestId() != null || event.ip() != null || event.detail() != null) {
            return broken(row, Break.PURGED_NOT_EMPTY);
        }
        if (row.purgeEventId() == null || passed.contains(row.purgeEventId())) {
            return broken(row, Break.PURGE_UNACCOUNTED);
        }
        open.compute(row.purgeEventId(), (id, claims) -> claims == null
                ? new Claims(1, new Break(row.position(), row.id(), Break.PURGE_UNACCOUNTED))
                : new Claims(claims.count() + 1, claims.first()));
        return Optional.empty();
    }

    private Optional<Break> purge(SealedEvent purge) {
        passed.add(purge.id());
        Claims claims = open.remove(purge.id());
        if (claims != null && claims.count() > erased(purge.event())) {
            return broken(purge, Break.PURGE_UNACCOUNTED);
        }
        return Optional.empty();
    }

    private static boolean isPurge(AuditEvent event) {
        return event != null && ACTION.equals(event.action()) && OBJECT_TYPE.equals(event.objectType())
               && event.actorAccountId() == null;
    }

    private static long erased(AuditEvent purge) {
        String detail = purge.detail();
        return detail != null && detail.matches("[0-9]{1,9}") ? Long.parseLong(detail) : 0;
    }

    private static Optional<Break> broken(SealedEvent event, String reason) {
        return Optional.of(new Break(event.position(), event.id(), reason));
    }

    private record Claims(long count, Break first) {
    }
}
