package nl.familyliaison.platform;

/** Checks on fields of a request body, each answering a 400 that names the field. */
public final class Input {

    private Input() {
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "This field is required.");
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(field, "This field is too long (at most " + maxLength + " characters).");
        }
        return value;
    }
}
