package nl.familyliaison.access;

import java.util.Optional;

import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.RequestLog;
import nl.familyliaison.platform.RouteAccess;

/**
 * Finds who is signed in from the session cookie and puts them on the request as its {@link Actor}. HTTP services
 * take the actor from here and pass it down; nothing below them reads the request.
 */
public final class Authentication {

    private final Sessions sessions;

    public Authentication(Sessions sessions) {
        this.sessions = sessions;
    }

    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (RequestLog.isApi(request.path().path())) {
            request.headers().cookies().first(SessionCookie.NAME).asOptional()
                    .flatMap(sessions::resume)
                    .ifPresent(session -> request.context().register(new Actor(session, Caller.of(request))));
        }
        chain.proceed();
    }

    /** The actor of this request, if someone is signed in. */
    public static Optional<Actor> actorOf(ServerRequest request) {
        return request.context().get(Actor.class);
    }

    /** The actor of a request to a route for signed-in people (its access check let it through). */
    public static Actor actor(ServerRequest request) {
        return actorOf(request).orElseThrow(
                () -> new ProblemException(ProblemType.SIGN_IN_REQUIRED, "Please sign in first."));
    }

    /** A route's access check on the plain values of the request: who, which route, from where. */
    @FunctionalInterface
    interface RouteCheck {
        void check(Optional<Actor> actor, String route, Caller caller);
    }

    /** Route access that reads the request here and leaves the decision to {@code check}. */
    static RouteAccess routeAccess(String name, RouteCheck check) {
        return new RouteAccess() {
            @Override
            public void check(ServerRequest request) {
                check.check(actorOf(request), request.matchingPattern().orElse(null), Caller.of(request));
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
