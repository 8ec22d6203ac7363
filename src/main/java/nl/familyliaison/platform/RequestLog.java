package nl.familyliaison.platform;

import java.util.logging.Handler;
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
    private static final String SOURCE = RequestLog.class.getName();

    private final TrustedProxies trustedProxies;

    /**
     * The request log behind the proxies of {@code http.trusted-proxies}.
     *
     * @throws IllegalStateException when the replaced setting {@code http.trust-proxy} is still given
     */
    public static RequestLog create(io.helidon.config.Config config) {
        if (config.get("http.trust-proxy").exists()) {
            throw new IllegalStateException("http.trust-proxy (FL_TRUST_PROXY) is replaced by http.trusted-proxies "
                                            + "(FL_TRUSTED_PROXIES): the proxies' networks, e.g. 10.0.0.0/8");
        }
        return new RequestLog(TrustedProxies.parse(config.get("http.trusted-proxies").asString().orElse("")));
    }

    /**
     * @param trustedProxies the proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed
     */
    public RequestLog(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        RequestId id = RequestId.generate();
        request.context().register(id);
        request.context().register(ClientAddress.of(request, trustedProxies));
        response.header(RequestId.HEADER, id.value());
        SecurityHeaders.apply(response.headers(), overTls(request), isApi(request.path().path()));
        // The source is named here so no formatter walks the stack to find it (JUL does that for every record).
        response.whenSent(() -> LOG.logp(Level.INFO, SOURCE, "filter", () -> line(id, request, response, started)));
        chain.proceed();
    }

    /** Whether the caller reached us over TLS, directly or through a proxy we were told to trust. */
    public boolean overTls(RoutingRequest request) {
        if (request.isSecure()) {
            return true;
        }
        // Only the proxy we talk to can say how the client reached it; from anyone else the header means nothing.
        return ClientAddress.peer(request).filter(trustedProxies::contains).isPresent()
               && request.headers().first(HeaderNames.X_FORWARDED_PROTO)
                       .map(proto -> "https".equalsIgnoreCase(proto.strip()))
                       .orElse(false);
    }

    /** API answers may carry personal data; static files and the contract do not. */
    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    /** The request log's records are written by a queue; this waits until those published so far are out. */
    public static void flush() {
        for (Handler handler : LOG.getHandlers()) {
            handler.flush();
        }
    }

    private static String threeDigits(long value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Long.toString(value);
    }

    private static String line(RequestId id, RoutingRequest request, RoutingResponse response, long started) {
        long micros = (System.nanoTime() - started) / 1_000;
        String route = request.matchingPattern().orElse("(no route)");
        return "request=" + id.value()
               + " method=" + request.prologue().method().text()
               + " route=" + route
               + " status=" + response.status().code()
               + " duration_ms=" + (micros / 1000) + "." + threeDigits(micros % 1000);
    }
}
