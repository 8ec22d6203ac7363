package nl.familyliaison.access;

import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import nl.familyliaison.platform.RequestLog;

/** Finds who is signed in from the session cookie and puts them on the request as its {@link Actor}. */
public final class Authentication {

    private final Sessions sessions;

    public Authentication(Sessions sessions) {
        this.sessions = sessions;
    }

    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (RequestLog.isApi(request.path().path())) {
            SessionCookie.read(request)
                    .flatMap(sessions::resume)
                    .ifPresent(session -> request.context().register(new Actor(session)));
        }
        chain.proceed();
    }
}
