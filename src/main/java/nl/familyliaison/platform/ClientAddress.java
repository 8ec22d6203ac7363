package nl.familyliaison.platform;

import io.helidon.webserver.http.ServerRequest;

/**
 * The caller's IP address, for rate limits and the audit trail: the connection's peer, or — behind a proxy the
 * service was told to trust — the address that proxy reports in X-Forwarded-For (its last entry: the one the proxy
 * itself saw).
 */
public record ClientAddress(String value) {

    public static ClientAddress of(ServerRequest request) {
        return request.context().get(ClientAddress.class)
                .orElseGet(() -> new ClientAddress(request.remotePeer().host()));
    }
}
