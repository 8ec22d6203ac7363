package nl.familyliaison.platform;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.helidon.webserver.http.ServerRequest;

/**
 * The id that ties one request's log line, audit events and error answer together. Always made here, never taken
 * from the caller, so a log line cannot be forged or stuffed through a header.
 */
public record RequestId(String value) {

    public static final String HEADER = "X-Request-Id";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static RequestId generate() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new RequestId(HexFormat.of().formatHex(bytes));
    }

    /** The id of this request, or a fresh one if the request did not pass the request log filter. */
    public static RequestId of(ServerRequest request) {
        return request.context().get(RequestId.class).orElseGet(RequestId::generate);
    }
}
