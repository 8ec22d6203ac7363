package nl.familyliaison.ratelimit;

import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.platform.ClientAddress;
import nl.familyliaison.platform.RequestLog;

/**
 * The general limit on API requests ({@code api-client}): per session for a signed-in request (the session the
 * authentication filter found — a made-up cookie does not get a bucket of its own), otherwise per client IP.
 * Static files and health checks are not counted. Over the limit the request goes no
 * further: the error mapping answers 429 problem+json with Retry-After.
 */
public final class ApiClientLimit {

    static final String POLICY = "api-client";

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;

    /** @throws IllegalArgumentException when the {@code api-client} policy is not configured */
    public ApiClientLimit(RateLimiter limiter) {
        this.limiter = limiter;
        this.policy = limiter.policy(POLICY);
    }

    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (RequestLog.isApi(request.path().path())) {
            limiter.consume(policy, client(request));
        }
        chain.proceed();
    }

    /** The session or the IP; the limiter hashes it, so neither is kept as it is. */
    private static String client(RoutingRequest request) {
        return Authentication.actorOf(request)
                .map(actor -> "session:" + actor.session().id())
                .orElseGet(() -> "ip:" + ClientAddress.of(request).value());
    }
}
