package nl.familyliaison.passkeys;

import java.time.Instant;
import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.platform.Input;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Passkeys over HTTP: a signed-in person adds, lists, renames and removes their own; anyone signs in with one.
 * Maps requests and answers only; the checks live in {@link Registration} and {@link PasskeySignIn}.
 */
public final class PasskeyService {

    static final String SIGN_IN_LIMIT = "passkey-sign-in-ip";

    private final Registration registration;
    private final PasskeySignIn signIn;
    private final PasskeyBook book;
    private final SessionService sessions;
    private final Guards guards;
    private final RateLimiter limiter;
    private final AccessAudit audit;

    PasskeyService(Registration registration, PasskeySignIn signIn, PasskeyBook book, SessionService sessions,
                   Guards guards, RateLimiter limiter, AccessAudit audit) {
        this.registration = registration;
        this.signIn = signIn;
        this.book = book;
        this.sessions = sessions;
        this.guards = guards;
        this.limiter = limiter;
        this.audit = audit;
    }

    public void routes(ApiRoutes routes) {
        routes.post("/api/passkeys/registration-options", guards.signedIn(), this::registrationOptions)
                .post("/api/passkeys", guards.signedIn(), this::add)
                .get("/api/passkeys", guards.signedIn(), this::list)
                .patch("/api/passkeys/{passkeyId}", guards.signedIn(), this::rename)
                .delete("/api/passkeys/{passkeyId}", guards.signedIn(), this::remove)
                .post("/api/sign-in/passkey-options", ApiRoutes.PUBLIC, this::signInOptions)
                .post("/api/sign-in/passkey", ApiRoutes.PUBLIC, this::signIn);
    }

    record NewPasskey(String challengeId, String name, Registration.Attestation credential) {
    }

    record NewName(String name) {
    }

    record PasskeySignInRequest(String challengeId, PasskeySignIn.Assertion credential) {
    }

    record PasskeyView(String id, String name, Instant createdAt, Instant lastUsedAt, boolean usable,
                       boolean backedUp) {

        static PasskeyView of(StoredPasskey passkey) {
            return new PasskeyView(passkey.id(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt(),
                                   passkey.usable(), passkey.backupState());
        }
    }

    record PasskeyList(List<PasskeyView> passkeys, boolean mayAdd) {
    }

    private void registrationOptions(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        book.requireMayAdd(actor.account());
        response.send(registration.options(actor.account(), actor.session().id()));
    }

    private void add(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        NewPasskey body = Json.read(request, NewPasskey.class);
        Registration.Attestation credential = Fields.attestation(body.credential());
        String challengeId = Input.required(body.challengeId(), "challengeId", 64);
        String name = body.name() == null ? Fields.defaultName(actor.session().device()) : Fields.name(body.name());
        book.requireMayAdd(actor.account());
        StoredPasskey added = book.add(registration.finish(actor.account(), actor.session().id(), challengeId, name,
                                                           credential),
                                       audit.written(actor.caller(), actor.account(), "passkey.add", "passkey"));
        response.status(Status.CREATED_201).send(PasskeyView.of(added));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        response.send(new PasskeyList(book.of(actor.accountId()).stream().map(PasskeyView::of).toList(),
                                      book.mayAdd(actor.account())));
    }

    private void rename(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String id = ownId(request);
        String name = Fields.name(Json.read(request, NewName.class).name());
        StoredPasskey renamed = book.rename(actor.accountId(), id, name,
                                            audit.written(actor.caller(), actor.account(), "passkey.rename",
                                                          "passkey"))
                .orElseThrow(ProblemException::notFound);
        response.send(PasskeyView.of(renamed));
    }

    private void remove(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String id = ownId(request);
        if (!book.remove(actor.accountId(), id,
                         audit.written(actor.caller(), actor.account(), "passkey.remove", "passkey"))) {
            throw ProblemException.notFound();
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    private void signInOptions(ServerRequest request, ServerResponse response) {
        limiter.consume(SIGN_IN_LIMIT, Caller.of(request).address());
        response.send(signIn.options());
    }

    private void signIn(ServerRequest request, ServerResponse response) {
        PasskeySignInRequest body = Json.read(request, PasskeySignInRequest.class);
        PasskeySignIn.Assertion credential = Fields.assertion(body.credential());
        String challengeId = Input.required(body.challengeId(), "challengeId", 64);
        Caller caller = Caller.of(request);
        limiter.consume(SIGN_IN_LIMIT, caller.address());
        try {
            sessions.start(request, response, signIn.finish(challengeId, credential), "sign-in.passkey");
        } catch (Refusal refusal) {
            boolean cloned = refusal.reason().startsWith("counter-not-increased");
            audit.record(caller, null, cloned ? "passkey.cloned" : "sign-in.passkey", "passkey", refusal.passkeyId(),
                         cloned ? AccessAudit.Result.DENIED : AccessAudit.Result.FAILED);
            throw refusal;
        }
    }

    private static String ownId(ServerRequest request) {
        String id = request.path().pathParameters().get("passkeyId");
        if (!Ids.isId(id)) {
            throw ProblemException.notFound();
        }
        return id;
    }
}
