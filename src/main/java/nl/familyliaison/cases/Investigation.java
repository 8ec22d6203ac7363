package nl.familyliaison.cases;

import java.time.LocalDate;

/**
 * One investigation ("case"): a neutral title and reference, the incident date, whether it is open, its current
 * phase and the date by which the family inspector promised the next update.
 */
public record Investigation(String id, String reference, String title, LocalDate incidentDate, Status status,
                            String phase, int updateCadenceDays, LocalDate nextUpdateBy) {

    public enum Status { OPEN, CLOSED }

    /** Overdue: still open and the promised date has passed without an update. */
    public boolean isUpdateOverdueOn(LocalDate today) {
        return status == Status.OPEN && today.isAfter(nextUpdateBy);
    }
}
