package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as its list and header show it: reference, neutral title, status, phase, the promised next update, and once
 * closed, when it closed and when members lose access.
 */
public record CaseView(String id, String reference, String title, LocalDate incidentDate,
                       Investigation.Status status, String phase, String phaseTitle, LocalDate nextUpdateBy,
                       int updateCadenceDays, boolean updateOverdue, Instant closedAt, Instant accessEndsAt) {

    static CaseView of(Investigation investigation, String phaseTitle, LocalDate today) {
        return new CaseView(investigation.id(), investigation.reference(), investigation.title(),
                            investigation.incidentDate(), investigation.status(), investigation.phase(), phaseTitle,
                            investigation.nextUpdateBy(), investigation.updateCadenceDays(),
                            investigation.isUpdateOverdueOn(today), investigation.closedAt(),
                            investigation.accessEndsAt());
    }

    CaseView withoutTitle() {
        return new CaseView(id, reference, null, incidentDate, status, phase, phaseTitle, nextUpdateBy,
                            updateCadenceDays, updateOverdue, closedAt, accessEndsAt);
    }
}
