package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;

/**
 * One invited member's answer to a proposal: a chosen time, a refusal, or other times and/or a note of their own.
 * Each member answers only for themselves.
 */
record Answer(String memberId, Choice choice, String slotId, List<TimeSlot> otherTimes, String note,
              Instant answeredAt) {

    enum Choice {
        SLOT, DECLINE, OTHER_TIMES
    }

    /** What is stored encrypted: the member's own words and suggested times. */
    record Words(List<TimeSlot> otherTimes, String note) {
    }
}
