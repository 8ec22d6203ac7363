package nl.familyliaison.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The first thing every request passes: gives it a request id, puts the security headers on its answer, and writes
 * one log line when the answer has gone out — request id, method, route template, status, duration. Never the
 * concrete path or query (they may hold ids or addresses), never a header or body.
 */
public final class RequestLog {

    private static final Logger LOG = Logger.getLogger("nl.familyliaison.requests");

    private final boolean trustProxy;

    /**
     * @param trustProxy whether an {@code X-Forwarded-Proto} header may be believed (only behind a proxy that sets it)
     */
    public RequestLog(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        RequestId id = RequestId.generate();
        request.context().register(id);
        request.context().register(clientAddress(request));
        response.header(RequestId.HEADER, id.value());
        SecurityHeaders.apply(response.headers(), overTls(request), isApi(request.path().path()));
        response.whenSent(() -> LOG.log(Level.INFO, () -> line(id, request, response, started)));
        chain.proceed();
    }

    /** Whether the caller reached us over TLS, directly or through a proxy we were told to trust. */
    public boolean overTls(RoutingRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return trustProxy && request.headers().first(HeaderNames.X_FORWARDED_PROTO)
                .map("https"::equalsIgnoreCase)
                .orElse(false);
    }

    private ClientAddress clientAddress(RoutingRequest request) {
        if (trustProxy) {
            var forwarded = request.headers().first(io.helidon.http.HeaderNames.X_FORWARDED_FOR);
            if (forwarded.isPresent()) {
                String[] hops = forwarded.get().split(",");
                return new ClientAddress(hops[hops.length - 1].trim());
            }
        }
        return new ClientAddress(request.remotePeer().host());
    }

    /** API answers may carry personal data; static files and the contract do not. */
    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static String line(RequestId id, RoutingRequest request, RoutingResponse response, long started) {
        long micros = (System.nanoTime() - started) / 1_000;
        String route = request.matchingPattern().orElse("(no route)");
        return "request=" + id.value()
               + " method=" + request.prologue().method().text()
               + " route=" + route
               + " status=" + response.status().code()
               + " duration_ms=" + (micros / 1000) + "." + String.format("%03d", micros % 1000);
    }
}
