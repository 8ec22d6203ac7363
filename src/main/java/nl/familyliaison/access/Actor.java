package nl.familyliaison.access;

import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;

/** The signed-in person making a request, with the session they use. */
public record Actor(Session session) {

    public String accountId() {
        return session.account().id();
    }

    public Role role() {
        return session.account().role();
    }

    public Account account() {
        return session.account();
    }

    /** The actor of this request, if someone is signed in. */
    public static Optional<Actor> of(ServerRequest request) {
        return request.context().get(Actor.class);
    }
}
