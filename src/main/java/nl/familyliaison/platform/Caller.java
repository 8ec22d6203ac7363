package nl.familyliaison.platform;

import io.helidon.webserver.http.ServerRequest;

/**
 * Where a request came from, as the audit trail and the rate limits need it: the request's id and the client's
 * address. Read from the request once, by its HTTP service or filter, and passed down as a plain value.
 */
public record Caller(String requestId, String address) {

    public static Caller of(ServerRequest request) {
        return new Caller(RequestId.of(request).value(), ClientAddress.of(request).value());
    }
}
