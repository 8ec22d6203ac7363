package nl.familyliaison.platform;

import java.util.List;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;

/**
 * The headers every answer carries, error answers and static files included. The CSP allows no inline script or
 * style and no framing; personal data is never cached.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    // Prepared once, bytes and all: these are the same on every answer.
    private static final List<Header> ALWAYS = List.of(
            HeaderValues.createCached(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY),
            HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff"),
            HeaderValues.createCached(HeaderNames.create("Referrer-Policy"), "no-referrer"),
            HeaderValues.createCached(HeaderNames.create("X-Frame-Options"), "DENY"),
            HeaderValues.createCached(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin"),
            HeaderValues.createCached(HeaderNames.create("Cross-Origin-Resource-Policy"), "same-origin"),
            HeaderValues.createCached(HeaderNames.create("Permissions-Policy"),
                                      "camera=(), microphone=(), geolocation=(), payment=()"));
    private static final Header HSTS = HeaderValues.createCached(HeaderNames.STRICT_TRANSPORT_SECURITY,
                                                                 STRICT_TRANSPORT_SECURITY);
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");

    private SecurityHeaders() {
    }

    /**
     * Sets the headers on an answer.
     *
     * @param headers  the answer's headers
     * @param overTls  whether the request reached us over TLS (directly or through a trusted proxy)
     * @param personal whether the answer may carry personal data (every API answer): then it must not be stored
     */
    public static void apply(ServerResponseHeaders headers, boolean overTls, boolean personal) {
        for (Header header : ALWAYS) {
            headers.set(header);
        }
        if (overTls) {
            headers.set(HSTS);
        }
        if (personal) {
            headers.set(NO_STORE);
        }
    }
}
