package nl.familyliaison.platform;

import io.helidon.webserver.http.ServerRequest;

/**
 * Who may call a route, checked before its handler runs. The access feature provides the implementations; every
 * route declares one, so the authorization matrix test can list them all.
 */
public interface RouteAccess {

    /** Throws a ProblemException (401, or 404 for a refused object) when the request may not use the route. */
    void check(ServerRequest request);

    /** A short name for the matrix test, such as {@code public}, {@code signed-in} or {@code role:ADMIN}. */
    String describe();
}
