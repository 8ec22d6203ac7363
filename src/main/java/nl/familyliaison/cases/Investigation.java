package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One investigation ("case"): a neutral title and reference, the incident date, whether it is open, its current
 * phase and the date by which the family inspector promised the next update. A closed case records when it closed
 * and until when its members keep access (the aftercare period).
 *
 * @param closedAt     null while open
 * @param accessEndsAt null while open; from this moment on members no longer see the case
 */
public record Investigation(String id, String reference, String title, LocalDate incidentDate, Status status,
                            String phase, int updateCadenceDays, LocalDate nextUpdateBy, Instant closedAt,
                            Instant accessEndsAt) {

    public enum Status { OPEN, CLOSED }

    /** An open case. */
    public Investigation(String id, String reference, String title, LocalDate incidentDate, Status status,
                         String phase, int updateCadenceDays, LocalDate nextUpdateBy) {
        this(id, reference, title, incidentDate, status, phase, updateCadenceDays, nextUpdateBy, null, null);
    }

    /** Whether members still see the case at {@code now}: always while open, until the aftercare ends after. */
    public boolean openToMembersAt(Instant now) {
        return accessEndsAt == null || now.isBefore(accessEndsAt);
    }

    /** Overdue: still open and the promised date has passed without an update. */
    public boolean isUpdateOverdueOn(LocalDate today) {
        return status == Status.OPEN && today.isAfter(nextUpdateBy);
    }
}
