package nl.familyliaison.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.familyliaison.platform.ProblemException;

/**
 * A period someone could meet, in UTC. The rules keep interviews humane and the agenda sane: in the future, at most
 * a year ahead, between a quarter of an hour and eight hours long.
 */
public record TimeSlot(Instant start, Instant end) {

    static final int MAX_SLOTS = 5;
    static final Duration FURTHEST_AHEAD = Duration.ofDays(365);
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofHours(8);

    /** Whether this period and {@code other} share any moment (touching ends do not). */
    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Checks the slots of a proposal, a member's own suggestion or a new time.
     *
     * @param field where the slots are in the request, for the error message
     * @param least how many there must be (0 for a member's optional suggestions)
     * @throws ProblemException 400 naming the first slot that breaks a rule
     */
    static List<TimeSlot> checked(String field, List<TimeSlot> slots, int least, Instant now) {
        List<TimeSlot> given = slots == null ? List.of() : slots;
        if (given.size() < least || given.size() > MAX_SLOTS) {
            throw ProblemException.invalid(field, "Give " + (least == 0 ? "at most " : "1 to ") + MAX_SLOTS
                                                  + " times.");
        }
        List<TimeSlot> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            checked.add(checked(field + "[" + i + "]", given.get(i), now));
        }
        return List.copyOf(checked);
    }

    static TimeSlot checked(String field, TimeSlot slot, Instant now) {
        if (slot == null || slot.start == null || slot.end == null) {
            throw ProblemException.invalid(field, "Give a start and an end.");
        }
        if (!slot.end.isAfter(slot.start)) {
            throw ProblemException.invalid(field + ".end", "The end must be after the start.");
        }
        if (!slot.start.isAfter(now)) {
            throw ProblemException.invalid(field + ".start", "This time has already passed.");
        }
        if (slot.start.isAfter(now.plus(FURTHEST_AHEAD))) {
            throw ProblemException.invalid(field + ".start", "Choose a time within a year from now.");
        }
        Duration length = Duration.between(slot.start, slot.end);
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            throw ProblemException.invalid(field + ".end", "An interview lasts between 15 minutes and 8 hours.");
        }
        return slot;
    }
}
