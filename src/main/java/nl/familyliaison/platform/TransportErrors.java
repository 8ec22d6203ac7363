package nl.familyliaison.platform;

import java.util.List;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers for requests the web server refuses before any route sees them (a body over the size limit, a request line
 * over {@code server.protocols.http_1_1.max-prologue-length} (414), a header block over {@code .max-headers-size}
 * (431), a broken request line or header): the same problem+json shape and security headers as every other error.
 * {@link DrainingHttp1} makes sure the client can read the answer.
 */
public final class TransportErrors implements DirectHandler {

    /**
     * Helidon refuses an over-large header block as a plain 400 and says why only in this message (which reaches us
     * because {@code server.error-handling.include-entity} is on; it never goes into the answer).
     * RequestLimitsTest pins it.
     */
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        ProblemType type = HEADERS_TOO_LARGE.equals(message)
                ? ProblemType.HEADERS_TOO_LARGE
                : ProblemType.forStatus(defaultStatus.code());
        RequestId id = RequestId.generate();
        SecurityHeaders.apply(responseHeaders, false, true);
        responseHeaders.set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        responseHeaders.set(HeaderNames.create(RequestId.HEADER), id.value());
        byte[] body = Json.write(Problem.of(type, type.title(), id.value(), List.of()));
        return TransportResponse.builder()
                .status(Status.create(type.status()))
                .headers(responseHeaders)
                .entity(body)
                .keepAlive(eventType.keepAlive())
                .build();
    }
}
