package nl.familyliaison.access;

import java.time.Instant;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;

/** The signed-in person's own session and their other sessions: see, sign out, end the others. */
public record SessionService(Sessions sessions, Guards guards, AccessAudit audit) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/session", guards.signedIn(), this::current)
                .delete("/api/session", guards.signedIn(), this::signOut)
                .get("/api/sessions", guards.signedIn(), this::list)
                .delete("/api/sessions/{sessionId}", guards.signedIn(), this::end);
    }

    record SessionSummary(String id, String device, Instant createdAt, Instant lastSeenAt, boolean current) {
    }

    record SessionList(List<SessionSummary> sessions) {
    }

    /**
     * Every way of signing in ends here: a new session (and token) for {@code account}, its cookie, and the session
     * as the client sees it. A session the request already had is ended first, so a token planted before sign-in
     * never becomes a signed-in one. {@code action} names the sign-in method in the audit trail.
     */
    public void start(ServerRequest request, ServerResponse response, Account account, String action) {
        Authentication.actorOf(request).ifPresent(previous -> sessions.signOut(previous.session()));
        Sessions.Started started = sessions.start(account,
                                                  Devices.describe(request.headers().first(HeaderNames.USER_AGENT)
                                                                           .orElse(null)),
                                                  action, audit.written(Caller.of(request), account, action, "account"));
        SessionCookie.write(response, started.token());
        response.send(SessionView.of(started.session(), sessions.idleTimeout()));
    }

    private void current(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        response.send(SessionView.of(actor.session(), sessions.idleTimeout()));
    }

    private void signOut(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        sessions.signOut(actor.session(), audit.written(actor.caller(), actor.account(), "sign-out", "account"));
        SessionCookie.clear(response);
        response.status(Status.NO_CONTENT_204).send();
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        List<SessionSummary> open = sessions.open(actor.accountId()).stream()
                .map(session -> new SessionSummary(session.id(), session.device(), session.createdAt(),
                                                   session.lastSeenAt(),
                                                   session.id().equals(actor.session().id())))
                .toList();
        response.send(new SessionList(open));
    }

    private void end(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String sessionId = request.path().pathParameters().get("sessionId");
        if (!Ids.isId(sessionId)
            || !sessions.end(actor.accountId(), sessionId,
                             audit.written(actor.caller(), actor.account(), "session.end", "account"))) {
            throw ProblemException.notFound();
        }
        response.status(Status.NO_CONTENT_204).send();
    }
}
