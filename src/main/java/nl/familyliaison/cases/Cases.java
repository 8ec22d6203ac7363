package nl.familyliaison.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * Opening cases, moving their phase and promising the next update. Dates are calendar dates in
 * Europe/Amsterdam: "the next update by 12 March" means that day where the family lives.
 */
public record Cases(CaseRepository cases, AccountRepository accounts, Transactions transactions, Clock clock,
                    int defaultCadenceDays) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final String FIRST_PHASE = "start";

    public java.time.Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return today(clock);
    }

    /** The date it is now for the inspectorate, whose cases run on Dutch days. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Opens a case; a family inspector who opens one is its family inspector. */
    /** Opens a case; {@code audited} (about the new case) is appended in the same transaction, as below. */
    public Investigation open(Actor by, String reference, String title, LocalDate incidentDate,
                              WriteEvent audited) {
        if (reference == null || !reference.strip().matches("[A-Za-z0-9][A-Za-z0-9/ ._-]{1,39}")) {
            throw ProblemException.invalid("reference", "Use 2 to 40 letters, digits, spaces or / . _ -.");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw ProblemException.invalid("title", "Enter a neutral title of at most 200 characters.");
        }
        if (incidentDate == null || incidentDate.isAfter(today())) {
            throw ProblemException.invalid("incidentDate", "Enter the date of the incident (not in the future).");
        }
        if (cases.referenceExists(reference.strip())) {
            throw new ProblemException(ProblemType.CONFLICT, "There is already a case with this reference.");
        }
        Investigation investigation = new Investigation(Ids.newId(), reference.strip(), title.strip(), incidentDate,
                                                        Investigation.Status.OPEN, FIRST_PHASE, defaultCadenceDays,
                                                        today().plusDays(defaultCadenceDays));
        transactions.inTransaction(tx -> {
            cases.in(tx).insert(investigation, clock.instant());
            if (by.role() == Role.FAMILY_INSPECTOR) {
                cases.in(tx).assignStaff(investigation.id(), List.of(new CaseRepository.Assignment(
                        by.accountId(), Role.FAMILY_INSPECTOR.name())), clock.instant());
            }
            audited.append(tx, investigation.id());
            return null;
        });
        return investigation;
    }

    public void movePhase(String caseId, String phase, List<String> knownPhases, WriteEvent audited) {
        if (phase == null || !knownPhases.contains(phase)) {
            throw ProblemException.invalid("phase", "Choose one of the standard phases.");
        }
        transactions.inTransaction(tx -> {
            cases.in(tx).setPhase(caseId, phase, clock.instant());
            audited.append(tx, caseId);
            return null;
        });
    }

    /** Promises the next update by {@code date}; {@code cadenceDays} sets the rhythm for later promises. */
    public void promiseNextUpdate(String caseId, LocalDate date, Integer cadenceDays, int currentCadence,
                                  WriteEvent audited) {
        int cadence = cadenceDays == null ? currentCadence : cadenceDays;
        if (cadence < 1 || cadence > 180) {
            throw ProblemException.invalid("cadenceDays", "Choose between 1 and 180 days.");
        }
        if (date == null || date.isBefore(today()) || date.isAfter(today().plusDays(180))) {
            throw ProblemException.invalid("date", "Choose a date from today up to 180 days ahead.");
        }
        transactions.inTransaction(tx -> {
            cases.in(tx).setNextUpdate(caseId, date, cadence, clock.instant());
            audited.append(tx, caseId);
            return null;
        });
    }
}
