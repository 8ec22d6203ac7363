package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void aQuestionFromFridayWaitsOverTheWeekend() {
        Instant friday = Instant.parse("2026-03-06T10:00:00Z");
        assertEquals(Instant.parse("2026-03-10T10:00:00Z"), WorkingDays.after(friday, 2), "Tuesday, same time");
        assertFalse(WorkingDays.waitedMoreThan(friday, 2, Instant.parse("2026-03-09T23:00:00Z")));
        assertTrue(WorkingDays.waitedMoreThan(friday, 2, Instant.parse("2026-03-10T10:00:01Z")));
    }

    @Test
    void midweekTwoWorkingDaysAreTwoDays() {
        Instant tuesday = Instant.parse("2026-03-03T08:00:00Z");
        assertEquals(Instant.parse("2026-03-05T08:00:00Z"), WorkingDays.after(tuesday, 2));
    }

    @Test
    void aQuestionSentOnSundayStartsCountingOnMonday() {
        Instant sunday = Instant.parse("2026-03-08T12:00:00Z");
        assertEquals(Instant.parse("2026-03-10T23:00:00Z"), WorkingDays.after(sunday, 2), "Wednesday 00:00 local");
    }
}
