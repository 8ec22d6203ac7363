package nl.familyliaison.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;

/** Counting in working days (Monday to Friday, Europe/Amsterdam): a question sent on Friday waits over the weekend. */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The moment {@code days} working days after {@code from}: weekend days do not count. */
    public static Instant after(Instant from, int days) {
        ZonedDateTime moment = from.atZone(Cases.ZONE);
        int left = days;
        while (left > 0) {
            moment = moment.plusDays(1);
            if (!isWeekend(moment.getDayOfWeek())) {
                left--;
            }
        }
        // A message sent during a weekend starts counting on Monday morning.
        ZonedDateTime start = from.atZone(Cases.ZONE);
        if (isWeekend(start.getDayOfWeek())) {
            ZonedDateTime monday = start.toLocalDate().atStartOfDay(Cases.ZONE);
            while (isWeekend(monday.getDayOfWeek())) {
                monday = monday.plusDays(1);
            }
            return after(monday.toInstant(), days);
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

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
