package nl.familyliaison.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Counting in working days (Europe/Amsterdam): Monday to Friday, without the Dutch public holidays (New Year,
 * Easter and Easter Monday, Koningsdag, Liberation Day, Ascension, Whit Monday, Christmas), which jollyday knows from
 * its bundled rules (no network). A question sent on Friday, or before Easter, waits over the days off.
 */
public final class WorkingDays {

    private static final HolidayManager HOLIDAYS =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));

    private WorkingDays() {
    }

    /** Whether people work on {@code date}: a weekday that is not a public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        return !isWeekend(date.getDayOfWeek()) && !HOLIDAYS.isHoliday(date, HolidayType.PUBLIC_HOLIDAY);
    }

    /** The moment {@code days} working days after {@code from}: days off do not count. */
    public static Instant after(Instant from, int days) {
        ZonedDateTime start = from.atZone(Cases.ZONE);
        // Something sent on a day off starts counting at the start of the next working day.
        if (!isWorkingDay(start.toLocalDate())) {
            LocalDate next = start.toLocalDate().plusDays(1);
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            return after(next.atStartOfDay(Cases.ZONE).toInstant(), days);
        }
        ZonedDateTime moment = start;
        int left = days;
        while (left > 0) {
            moment = moment.plusDays(1);
            if (isWorkingDay(moment.toLocalDate())) {
                left--;
            }
        }
        return moment.toInstant();
    }

    /** Whether something from {@code from} has waited more than {@code days} working days at {@code now}. */
    public static boolean waitedMoreThan(Instant from, int days, Instant now) {
        return now.isAfter(after(from, days));
    }

    /**
     * How many whole working days lay between {@code from} and {@code to}: the most days {@code d} for which
     * {@link #after(Instant, int) after(from, d)} is not later than {@code to} (0 for an answer the same working day).
     */
    public static int between(Instant from, Instant to) {
        int days = 0;
        while (!after(from, days + 1).isAfter(to)) {
            days++;
        }
        return days;
    }

    /** The working day {@code days} working days before {@code date} (a day off counts from the day before it). */
    public static LocalDate before(LocalDate date, int days) {
        LocalDate day = date;
        int left = days;
        while (left > 0) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public static int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
