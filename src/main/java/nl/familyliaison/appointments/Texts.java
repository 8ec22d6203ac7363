package nl.familyliaison.appointments;

import nl.familyliaison.platform.ProblemException;

/** The length and character rules for the free texts of scheduling. */
final class Texts {

    private Texts() {
    }

    /** A text that may be left out: trimmed, empty when missing. */
    static String optional(String field, String text, int max) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() > max) {
            throw ProblemException.invalid(field, "Use at most " + max + " characters.");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw ProblemException.invalid(field, "Remove the control characters.");
        }
        return trimmed;
    }

    /** A text that must be there, such as the reason for a change. */
    static String required(String field, String text, int max) {
        String checked = optional(field, text, max);
        if (checked.isEmpty()) {
            throw ProblemException.invalid(field, "Please fill this in.");
        }
        return checked;
    }
}
