package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;

/**
 * One invited member's answer to a proposal: a chosen time, a refusal, or other times and/or a note of their own.
 * Each member answers for themselves, or a representative with the FULL scope for them ({@code answeredBy}: that
 * representative's account; null when the member answered). A request names the member it answers for in
 * {@code onBehalfOf} ({@link Scheduling.NewAnswer}); left out, the caller answers for themselves.
 */
record Answer(String memberId, Choice choice, String slotId, List<TimeSlot> otherTimes, String note,
              Instant answeredAt, String answeredBy) {

    enum Choice {
        SLOT, DECLINE, OTHER_TIMES
    }

    /** What is stored encrypted: the member's own words and suggested times. */
    record Words(List<TimeSlot> otherTimes, String note) {
    }
}
