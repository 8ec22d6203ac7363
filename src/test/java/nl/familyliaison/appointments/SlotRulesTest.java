package nl.familyliaison.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import nl.familyliaison.platform.ProblemException;
import org.junit.jupiter.api.Test;

/** The slot rules scheduling applies to every proposed, suggested or new time, without a server or database. */
class SlotRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aSlotIsInTheFutureWithinAYearAndAQuarterToEightHoursLong() {
        assertEquals(slot(1, 15), TimeSlot.checked("time", slot(1, 15), NOW));
        assertEquals(slot(365 * 24, 8 * 60), TimeSlot.checked("time", slot(365 * 24, 8 * 60), NOW));
        assertInvalid("time.start", () -> TimeSlot.checked("time", slot(0, 60), NOW));
        assertInvalid("time.start", () -> TimeSlot.checked("time", slot(-1, 60), NOW));
        assertInvalid("time.start", () -> TimeSlot.checked("time", slot(365 * 24 + 1, 60), NOW));
        assertInvalid("time.end", () -> TimeSlot.checked("time", slot(1, 14), NOW));
        assertInvalid("time.end", () -> TimeSlot.checked("time", slot(1, 8 * 60 + 1), NOW));
        assertInvalid("time.end", () -> TimeSlot.checked("time", slot(1, 0), NOW));
        assertInvalid("time.end", () -> TimeSlot.checked("time", slot(1, -30), NOW));
        assertInvalid("time", () -> TimeSlot.checked("time", new TimeSlot(null, NOW), NOW));
        assertInvalid("time", () -> TimeSlot.checked("time", null, NOW));
    }

    @Test
    void aProposalHasOneToFiveSlotsAndTheFirstBadOneIsNamed() {
        assertEquals(5, TimeSlot.checked("slots", Collections.nCopies(5, slot(2, 60)), 1, NOW).size());
        assertInvalid("slots", () -> TimeSlot.checked("slots", List.of(), 1, NOW));
        assertInvalid("slots", () -> TimeSlot.checked("slots", null, 1, NOW));
        assertInvalid("slots", () -> TimeSlot.checked("slots", Collections.nCopies(6, slot(2, 60)), 1, NOW));
        assertInvalid("slots[1].start", () -> TimeSlot.checked("slots", List.of(slot(2, 60), slot(-2, 60)), 1,
                                                               NOW));
        assertEquals(List.of(), TimeSlot.checked("otherTimes", null, 0, NOW), "a member's suggestions are optional");
    }

    @Test
    void slotsConflictWhenTheyShareAMomentNotWhenTheyTouch() {
        TimeSlot ten = between("10:00", "11:00");
        assertTrue(ten.overlaps(between("10:30", "11:30")));
        assertTrue(ten.overlaps(between("09:30", "10:01")));
        assertTrue(ten.overlaps(between("10:15", "10:45")));
        assertTrue(between("09:00", "12:00").overlaps(ten));
        assertFalse(ten.overlaps(between("11:00", "12:00")));
        assertFalse(ten.overlaps(between("09:00", "10:00")));
        assertFalse(ten.overlaps(between("13:00", "14:00")));
    }

    private static TimeSlot slot(long hoursAhead, long minutesLong) {
        Instant start = NOW.plus(Duration.ofHours(hoursAhead));
        return new TimeSlot(start, start.plus(Duration.ofMinutes(minutesLong)));
    }

    private static TimeSlot between(String start, String end) {
        return new TimeSlot(Instant.parse("2026-03-05T" + start + ":00Z"), Instant.parse("2026-03-05T" + end + ":00Z"));
    }

    private static void assertInvalid(String field, Runnable checking) {
        ProblemException refused = assertThrows(ProblemException.class, checking::run);
        assertEquals(400, refused.type().status(), refused::getMessage);
        assertEquals(List.of(field), refused.errors().stream().map(error -> error.field()).toList());
    }
}
