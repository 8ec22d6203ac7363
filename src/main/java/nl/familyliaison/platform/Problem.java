package nl.familyliaison.platform;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer (RFC 9457 {@code application/problem+json}). It never carries a stack trace,
 * a class name or SQL: {@code detail} is written for the person using the service.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String code, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String requestId, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, type.slug(), requestId, errors);
    }

    /** One input field that was not accepted, named by its JSON path. */
    public record FieldError(String field, String message) {
    }
}
