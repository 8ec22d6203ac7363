package nl.familyliaison.support;

import java.net.HttpCookie;
import java.sql.SQLException;

/** Sign-ins with a provider over the API, as the web client makes them: start, the provider, the return. */
public final class OidcSignIns {

    private final TestService service;

    public OidcSignIns(TestService service) {
        this.service = service;
    }

    public TestService service() {
        return service;
    }

    /** A started sign-in: the provider's address and the browser-binding cookie's value. */
    public record Started(String authorizationUrl, String binding, Reply reply) {
        public String cookie() {
            return "__Host-fl-oidc=" + binding;
        }
    }

    /** Starts a sign-in ({@code purpose} sign-in or link) with {@code provider}, signed in as {@code as} or not. */
    public Started start(String provider, String purpose, Api.Credentials as) {
        Api api = as == null ? service.api() : service.api().as(as);
        Reply reply = api.post("/api/sign-in/oidc/" + provider, "{\"purpose\":\"" + purpose + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("start: " + reply);
        }
        String binding = reply.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("__Host-fl-oidc="))
                .map(value -> HttpCookie.parse(value).getFirst().getValue())
                .findFirst().orElseThrow(() -> new AssertionError("no binding cookie: " + reply.headers()));
        return new Started(reply.json().path("authorizationUrl").asText(), binding, reply);
    }

    /** Sends the provider's return to the service from the browser that started it (its cookies). */
    public Reply finish(Started started, IdentityProvider.Returned returned, Api.Credentials as) {
        String cookies = started.cookie() + (as == null ? "" : "; __Host-fl-session=" + as.sessionToken());
        Api api = as == null ? service.api() : service.api().as(as);
        return api.post("/api/sign-in/oidc/returns", returned.body(), "Cookie", cookies);
    }

    /** Start, the provider (whose next token the caller chose), and the return, in one browser. */
    public Reply signIn(String provider, String purpose, Api.Credentials as) {
        Started started = start(provider, purpose, as);
        return finish(started, IdentityProvider.authorize(started.authorizationUrl()), as);
    }

    /** How many audit events of {@code action} about {@code objectId} ended as {@code outcome}. */
    public long audited(String action, String objectId, String outcome) {
        service.running().features().sealer().sealPending();
        try {
            return Sql.count(service, "SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?"
                                      + " AND outcome = ?", action, objectId, outcome);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
