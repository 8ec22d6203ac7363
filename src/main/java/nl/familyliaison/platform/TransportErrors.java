package nl.familyliaison.platform;

import java.util.List;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers for requests the web server refuses before any route sees them (a body over the size limit, a broken
 * request line or header): the same problem+json shape and security headers as every other error.
 */
public final class TransportErrors implements DirectHandler {

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        ProblemType type = ProblemType.forStatus(defaultStatus.code());
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
