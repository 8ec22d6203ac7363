package nl.familyliaison.access;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.RequestLog;

/**
 * Refuses state-changing API requests that another site could have made, on top of the SameSite=Strict cookie:
 * the Origin must be this service's own, and the request must carry the {@code X-CSRF-Token} header — the signed-in
 * session's token, or (before sign-in) any value, since a page on another site cannot add that header without a
 * CORS preflight this service never grants.
 */
public final class CrossSiteGuard {

    public static final HeaderName CSRF_HEADER = HeaderNames.create("X-CSRF-Token");
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final List<String> allowedOrigins;
    private final RequestLog requestLog;
    private final AccessAudit audit;

    /**
     * @param allowedOrigins origins such as {@code https://familie.example.nl}; empty = the request's own
     *                       scheme://host (what a browser on this service sends)
     */
    public CrossSiteGuard(List<String> allowedOrigins, RequestLog requestLog, AccessAudit audit) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.requestLog = requestLog;
        this.audit = audit;
    }

    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (guards(request.prologue().method(), request.path().path())) {
            if (!originAllowed(request)) {
                refuse(request, "origin");
            }
            if (!tokenAccepted(request)) {
                refuse(request, "csrf-token");
            }
        }
        chain.proceed();
    }

    /**
     * Whether a request with this method on this path must pass the guard (own Origin, the header): every
     * state-changing API request, signed in or not. The security openapi.yaml declares follows this rule.
     */
    public static boolean guards(Method method, String path) {
        return !SAFE.contains(method) && RequestLog.isApi(path);
    }

    private boolean originAllowed(RoutingRequest request) {
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return false;
        }
        if (!allowedOrigins.isEmpty()) {
            return allowedOrigins.contains(origin.get());
        }
        String scheme = requestLog.overTls(request) ? "https" : "http";
        return request.headers().first(HeaderNames.HOST)
                .map(host -> origin.get().equalsIgnoreCase(scheme + "://" + host))
                .orElse(false);
    }

    private static boolean tokenAccepted(RoutingRequest request) {
        Optional<String> sent = request.headers().first(CSRF_HEADER).filter(value -> !value.isBlank());
        if (sent.isEmpty()) {
            return false;
        }
        return Authentication.actorOf(request)
                .map(actor -> MessageDigest.isEqual(actor.session().csrfToken().getBytes(StandardCharsets.UTF_8),
                                                    sent.get().getBytes(StandardCharsets.UTF_8)))
                .orElse(true);
    }

    private void refuse(RoutingRequest request, String what) {
        audit.record(Caller.of(request), Authentication.actorOf(request).map(Actor::account).orElse(null),
                     "access.refused", "cross-site", what, AccessAudit.Result.DENIED);
        throw new ProblemException(ProblemType.FORBIDDEN,
                                   "This request was refused because it did not come from this service's own pages."
                                   + " Reload the page and try again.");
    }
}
