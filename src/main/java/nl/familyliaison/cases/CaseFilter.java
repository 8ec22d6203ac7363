package nl.familyliaison.cases;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.familyliaison.platform.ProblemException;

/**
 * Finding cases in a staff member's list: by (part of) the reference, by phase, overdue or not, and "waiting for me"
 * (a member's message waits for an answer from the family inspector); sorted by the next-update date, soonest or
 * latest first.
 *
 * @param reference part of the reference, any case; null for all
 * @param phase     a phase code; null for all
 * @param overdue   true: only overdue; false: only not overdue; null: both
 * @param waiting   only cases with a member's message waiting
 * @param latest    the latest next-update date first (else the soonest)
 */
record CaseFilter(String reference, String phase, Boolean overdue, boolean waiting, boolean latest) {

    /** From the query's values as sent (each may be null); refuses what it cannot read. */
    static CaseFilter of(String reference, String phase, String overdue, String waiting, String sort,
                         List<String> knownPhases) {
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (ref != null && ref.length() > 40) {
            throw ProblemException.invalid("reference", "Use at most 40 characters.");
        }
        if (phase != null && !knownPhases.contains(phase)) {
            throw ProblemException.invalid("phase", "Choose one of the standard phases.");
        }
        if (sort != null && !Set.of("nextUpdateBy", "-nextUpdateBy").contains(sort)) {
            throw ProblemException.invalid("sort", "Sort by nextUpdateBy or -nextUpdateBy.");
        }
        return new CaseFilter(ref, phase, flag("overdue", overdue), Boolean.TRUE.equals(flag("waiting", waiting)),
                              "-nextUpdateBy".equals(sort));
    }

    private static Boolean flag(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "Use true or false.");
        };
    }

    /** The cases that pass, in order; {@code waitingCases} are the ids of cases with a message waiting. */
    List<Investigation> apply(List<Investigation> cases, LocalDate today, Set<String> waitingCases) {
        Comparator<Investigation> byDate = Comparator.comparing(Investigation::nextUpdateBy)
                .thenComparing(Investigation::reference);
        return cases.stream()
                .filter(found -> reference == null || found.reference().toLowerCase(Locale.ROOT)
                        .contains(reference.toLowerCase(Locale.ROOT)))
                .filter(found -> phase == null || found.phase().equals(phase))
                .filter(found -> overdue == null || found.isUpdateOverdueOn(today) == overdue)
                .filter(found -> !waiting || waitingCases.contains(found.id()))
                .sorted(latest ? byDate.reversed() : byDate)
                .toList();
    }
}
