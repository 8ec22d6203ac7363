package nl.familyliaison.support;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The API contract, {@code openapi.yaml}, as a checker: every answer the route tests receive goes through
 * {@link #check}, so a route that answers something the contract does not describe fails its test.
 */
public final class Contract {

    public static final Path FILE = Path.of("openapi.yaml");
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(FILE.toAbsolutePath().toUri().toString())
            .build();

    private Contract() {
    }

    /** The contract's complaints about this answer; empty when it fits. */
    public static List<String> violations(String method, String path, int status, Map<String, List<String>> headers,
                                          String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    /** Fails the test when the answer does not fit the contract. */
    public static void check(String method, String path, HttpResponse<String> response) {
        List<String> problems = violations(method, path, response.statusCode(), response.headers().map(),
                                           response.body());
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + response.statusCode()
                                     + ") does not fit openapi.yaml:\n  " + String.join("\n  ", problems)
                                     + "\nbody: " + response.body());
        }
    }
}
