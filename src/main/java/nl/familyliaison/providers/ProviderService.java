package nl.familyliaison.providers;

import java.net.URI;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.access.SessionCookie;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Input;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.signin.TotpCheck;

/**
 * Signing in with a provider, over HTTP: which providers are offered, starting (sign-in, or linking DigiD), the
 * provider's return (its code never reaches a log: the return address only hands it to the web client in the
 * address's fragment), the staff authenticator code when the provider asserted no second factor, and signing out at
 * the provider too. Maps requests and answers; the rules are {@link ProviderSignIn}'s and {@link Identities}'.
 */
public record ProviderService(ProviderSignIn flows, Identities identities, SessionService sessionStart,
                              Sessions sessions, AccountRepository accounts, TotpCheck totp, Guards guards,
                              AccessAudit audit, String publicUrl, MemberLinkService links) {

    /** The one redirect URI of both providers. */
    static final String RETURN_PATH = "/sign-in/return";
    private static final String BINDING_COOKIE = "__Host-fl-oidc";

    public void routes(ApiRoutes routes) {
        routes.webFile(RETURN_PATH, this::returnPage);
        routes.get("/api/sign-in/methods", ApiRoutes.PUBLIC, this::methods)
                .post("/api/sign-in/oidc/returns", ApiRoutes.PUBLIC, this::returned)
                .post("/api/sign-in/oidc/second-factor", ApiRoutes.PUBLIC, this::secondFactor)
                .post("/api/sign-in/oidc/{provider}", ApiRoutes.PUBLIC, this::start)
                .delete("/api/session/oidc", guards.signedIn(), this::signOut);
        links.routes(routes);
    }

    record Methods(boolean digid, boolean digidRequired, boolean staffSso) {
    }

    record StartBody(String purpose) {
    }

    record AuthorizationStart(String authorizationUrl) {
    }

    record ReturnBody(String code, String state) {
    }

    record SecondFactorNeeded(String pendingId, String secondFactor) {
    }

    record SecondFactorBody(String pendingId, String code) {
    }

    record SignedOut(String endSessionUrl) {
    }

    private void methods(ServerRequest request, ServerResponse response) {
        boolean digid = flows.offered(Provider.DIGID);
        response.send(new Methods(digid, digid && flows.client(Provider.DIGID).settings().requiredForMembers(),
                                  flows.offered(Provider.STAFF)));
    }

    private void start(ServerRequest request, ServerResponse response) {
        Provider provider = Provider.of(request.path().pathParameters().get("provider"));
        flows.client(provider);
        StartBody body = Json.read(request, StartBody.class);
        Purpose purpose = Purpose.of(Input.required(body.purpose(), "purpose", 16));
        Optional<Actor> actor = Authentication.actorOf(request);
        String accountId = null;
        if (purpose == Purpose.LINK) {
            if (provider != Provider.DIGID) {
                throw ProblemException.invalid("purpose", "Only DigiD can be linked.");
            }
            Actor signedIn = actor.orElseThrow(
                    () -> new ProblemException(ProblemType.SIGN_IN_REQUIRED, "Please sign in first."));
            if (signedIn.role() != Role.MEMBER) {
                throw ProblemException.notFound();
            }
            accountId = signedIn.accountId();
        }
        ProviderSignIn.Started started = flows.start(provider, purpose, accountId);
        audit.record(Caller.of(request), actor.map(Actor::account).orElse(null), provider.action() + ".started",
                     "purpose", purpose.id(), AccessAudit.Result.SUCCEEDED);
        response.header(HeaderNames.SET_COOKIE, BINDING_COOKIE + "=" + started.binding()
                                                + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age="
                                                + ProviderSignIn.LIFETIME.toSeconds());
        response.send(new AuthorizationStart(started.authorizationUrl().toString()));
    }

    /**
     * The provider sends the browser here with the code and state in the query. The answer hands them on in the
     * address's fragment, which browsers never send to a server: the code reaches no request log or proxy log.
     */
    private void returnPage(ServerRequest request, ServerResponse response) {
        StringBuilder target = new StringBuilder("/#/sign-in/return");
        char separator = '?';
        for (String name : new String[] {"code", "state", "error"}) {
            Optional<String> value = request.query().first(name).asOptional()
                    .filter(text -> text.length() <= 2048 && text.matches("[A-Za-z0-9._~+/=-]*"));
            if (value.isPresent()) {
                target.append(separator).append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.get(), java.nio.charset.StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.LOCATION, target.toString());
        response.status(Status.SEE_OTHER_303).send();
    }

    private void returned(ServerRequest request, ServerResponse response) {
        ReturnBody body = Json.read(request, ReturnBody.class);
        String code = Input.required(body.code(), "code", 2048);
        String state = Input.required(body.state(), "state", 512);
        Caller caller = Caller.of(request);
        Optional<Account> signedIn = Authentication.actorOf(request).map(Actor::account);
        try {
            ProviderSignIn.Returned returned = flows.redeem(code, state, binding(request));
            try {
                if (returned.request().provider() == Provider.DIGID) {
                    digid(request, response, returned);
                } else {
                    staff(request, response, returned);
                }
            } catch (Refusal refused) {
                throw refused.of(returned.request().provider());
            }
        } catch (Refusal refused) {
            refusedAudit(caller, signedIn.orElse(null), refused);
            throw refused;
        }
    }

    private void digid(ServerRequest request, ServerResponse response, ProviderSignIn.Returned returned) {
        OidcClient.Identity identity = returned.identity();
        Identities.requireAssurance(flows.client(Provider.DIGID).settings(), identity);
        if (returned.request().purpose() == Purpose.LINK) {
            String accountId = returned.request().accountId();
            Actor member = Authentication.actorOf(request).filter(actor -> actor.accountId().equals(accountId))
                    .orElseThrow(() -> Refusal.returned("session-changed"));
            identities.link(accountId, identity,
                            audit.written(member.caller(), member.account(), "identity.link", "account"));
            signIn(request, response, member.account(), Provider.DIGID.action());
            return;
        }
        signIn(request, response, identities.member(identity), Provider.DIGID.action());
    }

    private void staff(ServerRequest request, ServerResponse response, ProviderSignIn.Returned returned) {
        ProviderSettings settings = flows.client(Provider.STAFF).settings();
        Account account = identities.staff(settings, returned.identity());
        if (Identities.multiFactor(settings, returned.identity())) {
            signIn(request, response, account, Provider.STAFF.action());
            return;
        }
        String pendingId = flows.awaitSecondFactor(returned.request(), account);
        audit.record(Caller.of(request), null, Provider.STAFF.action(), "second-factor", "totp-asked",
                     AccessAudit.Result.SUCCEEDED);
        response.status(Status.ACCEPTED_202).send(new SecondFactorNeeded(pendingId, "totp"));
    }

    private void secondFactor(ServerRequest request, ServerResponse response) {
        SecondFactorBody body = Json.read(request, SecondFactorBody.class);
        String pendingId = Input.required(body.pendingId(), "pendingId", 64);
        String code = Input.required(body.code(), "code", 16).strip();
        try {
            Account account = flows.claimPending(pendingId, binding(request))
                    .flatMap(accounts::byId)
                    .filter(found -> found.role().isStaff() && found.status() == Account.Status.ACTIVE)
                    .orElseThrow(() -> Refusal.returned("expired-pending"));
            if (!totp.passes(account, code)) {
                throw new Refusal(ProblemType.SIGN_IN_FAILED, "wrong-totp",
                                  "The code is not right. Please sign in again.");
            }
            signIn(request, response, account, Provider.STAFF.action() + "-totp");
        } catch (Refusal refused) {
            refusedAudit(Caller.of(request), null, refused.of(Provider.STAFF));
            throw refused;
        }
    }

    /**
     * Signs out here, and tells the client where to end the provider's session too (RP-initiated logout) when the
     * session came from a provider whose metadata names an end-session endpoint.
     */
    private void signOut(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        sessions.signOut(actor.session(), audit.written(actor.caller(), actor.account(), "sign-out", "account"));
        SessionCookie.clear(response);
        Optional<URI> endSession = providerOf(actor.session().method())
                .filter(flows::offered)
                .flatMap(provider -> flows.client(provider).endSessionUrl(publicUrl + "/"));
        response.send(new SignedOut(endSession.map(URI::toString).orElse(null)));
    }

    private static Optional<Provider> providerOf(String method) {
        if (method == null) {
            return Optional.empty();
        }
        for (Provider provider : Provider.values()) {
            if (method.startsWith(provider.action())) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    private void signIn(ServerRequest request, ServerResponse response, Account account, String action) {
        response.header(HeaderNames.SET_COOKIE, BINDING_COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
        sessionStart.start(request, response, account, action);
    }

    private void refusedAudit(Caller caller, Account actor, Refusal refused) {
        String action = refused.provider() == null ? "sign-in.oidc" : refused.provider().action();
        audit.record(caller, actor, action, "refusal", refused.reason(), AccessAudit.Result.FAILED);
    }

    private static String binding(ServerRequest request) {
        return request.headers().cookies().first(BINDING_COOKIE).asOptional().orElse(null);
    }
}
