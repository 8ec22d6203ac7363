package nl.familyliaison.cases;

import java.util.List;
import java.util.Optional;

import nl.familyliaison.platform.ProblemException;

/**
 * What an administrator asks of the case overview: part of a reference, one phase, only overdue ones, and the order
 * of the next-update dates. Everything is optional; what is sent must make sense, or the answer is 400.
 */
final class CaseOverview {

    static final int MAX_REFERENCE = 40;

    private CaseOverview() {
    }

    /** The filter as checked; empty strings mean "any". */
    record Filter(String reference, String phase, boolean overdue, boolean newestFirst) {
    }

    /**
     * @param phases the standard phase codes
     * @throws ProblemException 400 for a reference that is too long, an unknown phase, or a value not understood
     */
    static Filter of(Optional<String> reference, Optional<String> phase, Optional<String> overdue,
                     Optional<String> sort, List<String> phases) {
        String text = reference.map(String::strip).orElse("");
        if (text.length() > MAX_REFERENCE) {
            throw ProblemException.invalid("reference", "Type at most " + MAX_REFERENCE + " characters.");
        }
        String chosen = phase.orElse("");
        if (!chosen.isEmpty() && !phases.contains(chosen)) {
            throw ProblemException.invalid("phase", "Choose one of the standard phases.");
        }
        String order = sort.orElse("next-update");
        if (!order.equals("next-update") && !order.equals("-next-update")) {
            throw ProblemException.invalid("sort", "Sort by next-update or -next-update.");
        }
        return new Filter(text, chosen, flag(overdue.orElse("false")), order.startsWith("-"));
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid("overdue", "Send true or false.");
        };
    }
}
