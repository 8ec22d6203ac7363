package nl.familyliaison.notify;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What a person wants from mail: on or off, how much, and quiet hours (Europe/Amsterdam) during which mail waits
 * until the morning. Someone who chose nothing gets everything, outside 22:00–07:00.
 */
public record Preferences(boolean mailEnabled, DetailLevel detailLevel, LocalTime quietStart, LocalTime quietEnd) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final Preferences DEFAULT = new Preferences(true, DetailLevel.EVERYTHING, LocalTime.of(22, 0),
                                                              LocalTime.of(7, 0));

    /** How much mail: everything; updates and appointments; appointments only. */
    public enum DetailLevel { EVERYTHING, MILESTONES, APPOINTMENTS }

    /** Whether a mail of this kind goes to this person at all. */
    public boolean wants(Category category) {
        return switch (category) {
            case SIGN_IN, ACCOUNT -> true;
            case APPOINTMENT -> mailEnabled;
            case UPDATE -> mailEnabled && detailLevel != DetailLevel.APPOINTMENTS;
            case MESSAGE -> mailEnabled && detailLevel == DetailLevel.EVERYTHING;
        };
    }

    /** When a mail made at {@code now} may go: now, or at the end of the quiet hours it falls in. */
    public ZonedDateTime sendAt(Category category, ZonedDateTime now) {
        if (category == Category.SIGN_IN || quietStart.equals(quietEnd)) {
            return now;
        }
        ZonedDateTime local = now.withZoneSameInstant(ZONE);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietStart.isAfter(quietEnd);
        boolean quiet = overnight ? !time.isBefore(quietStart) || time.isBefore(quietEnd)
                                  : !time.isBefore(quietStart) && time.isBefore(quietEnd);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietEnd);
        return end.isAfter(local) ? end : end.plusDays(1);
    }
}
