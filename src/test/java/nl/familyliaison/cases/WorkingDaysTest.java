package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

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

    @Test
    void dutchPublicHolidaysAreNoWorkingDays() {
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27)), "Koningsdag, a Monday");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6)), "Easter Monday");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 25)), "Christmas");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 26)), "Boxing Day (a Saturday anyway)");
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14)), "Ascension");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3)), "Good Friday is a working day");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 28)), "the Tuesday after Koningsdag");
    }

    @Test
    void koningsdagOnSundayMovesToSaturday() {
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2025, 4, 26)), "Saturday anyway");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2025, 4, 28)), "the Monday after is a working day");
    }

    @Test
    void aQuestionBeforeEasterWaitsOverEasterMonday() {
        Instant thursday = Instant.parse("2026-04-02T10:00:00Z");
        // Friday 3 April works, Saturday to Monday (Easter Monday) do not: the second working day is Tuesday.
        assertEquals(Instant.parse("2026-04-07T10:00:00Z"), WorkingDays.after(thursday, 2));
    }

    @Test
    void aQuestionSentOnChristmasStartsCountingOnTheNextWorkingDay() {
        Instant christmas = Instant.parse("2026-12-25T09:00:00Z");
        // Friday 25 and Saturday 26 December and Sunday 27 are off: counting starts on Monday 28 December.
        assertEquals(Instant.parse("2026-12-29T23:00:00Z"), WorkingDays.after(christmas, 2), "Wednesday 00:00 local");
    }

    @Test
    void workingDaysBeforeAndBetweenSkipHolidays() {
        assertEquals(LocalDate.of(2026, 4, 23), WorkingDays.before(LocalDate.of(2026, 4, 28), 2),
                     "two working days before Tuesday 28 April: Friday 24 is one, Thursday 23 is two");
        assertEquals(4, WorkingDays.between(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)),
                     "after Thursday 24 December: 28, 29, 30 and 31 (Christmas and the weekend do not count)");
    }
}
