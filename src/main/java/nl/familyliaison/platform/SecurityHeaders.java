package nl.familyliaison.platform;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
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

    private static final HeaderName CSP = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName OPENER_POLICY = HeaderNames.create("Cross-Origin-Opener-Policy");
    private static final HeaderName RESOURCE_POLICY = HeaderNames.create("Cross-Origin-Resource-Policy");
    private static final HeaderName PERMISSIONS_POLICY = HeaderNames.create("Permissions-Policy");

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
        headers.set(CSP, CONTENT_SECURITY_POLICY);
        headers.set(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.set(REFERRER_POLICY, "no-referrer");
        headers.set(FRAME_OPTIONS, "DENY");
        headers.set(OPENER_POLICY, "same-origin");
        headers.set(RESOURCE_POLICY, "same-origin");
        headers.set(PERMISSIONS_POLICY, "camera=(), microphone=(), geolocation=(), payment=()");
        if (overTls) {
            headers.set(HeaderNames.STRICT_TRANSPORT_SECURITY, STRICT_TRANSPORT_SECURITY);
        }
        if (personal) {
            headers.set(HeaderNames.CACHE_CONTROL, "no-store");
        }
    }
}
