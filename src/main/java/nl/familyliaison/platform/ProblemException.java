package nl.familyliaison.platform;

import java.util.List;
import java.util.Map;

/**
 * A failure that the caller should hear about as a problem+json answer. Features throw it (or subclasses) with a
 * plain-language detail; {@link ErrorMapping} is the one place that turns it into a response.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is nothing here, or you may not see it.");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, message,
                                    List.of(new Problem.FieldError(field, message)), Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Extra response headers, such as Retry-After or Allow. */
    public Map<String, String> headers() {
        return headers;
    }
}
