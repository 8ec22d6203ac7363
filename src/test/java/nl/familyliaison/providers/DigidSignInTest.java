package nl.familyliaison.providers;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.OidcSignIns;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Members link DigiD (through a broker: a real OpenID Connect provider in the test JVM) after signing in with the
 * emailed code, then sign in with DigiD alone. Every answer of the provider that fails a check is refused with its
 * own problem and an audit event naming the kind of reason.
 */
class DigidSignInTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.start();

    @RegisterExtension
    static final TestService service = TestService.perClass(PROVIDER::configure);

    private final OidcSignIns signIns = new OidcSignIns(service);

    @Test
    void aMemberLinksDigidAfterTheCodeAndThenSignsInWithDigidAlone() {
        Api.Credentials code = member("linker@example.org");
        PROVIDER.nextDigid("900000001");
        Reply linked = signIns.signIn("digid", "link", code);
        assertEquals(200, linked.status(), linked::toString);
        assertEquals("sign-in.digid", linked.json().path("method").asText());
        String accountId = linked.json().path("accountId").asText();
        assertEquals(1, signIns.audited("identity.link", accountId, "SUCCEEDED"));

        PROVIDER.nextDigid("900000001");
        Reply signedIn = signIns.signIn("digid", "sign-in", null);
        assertEquals(200, signedIn.status(), signedIn::toString);
        assertEquals(accountId, signedIn.json().path("accountId").asText());
        Api digid = service.api().as(People.credentials(signedIn));
        assertEquals(accountId, People.whoAmI(digid).path("accountId").asText());
        assertTrue(signIns.audited("sign-in.digid", accountId, "SUCCEEDED") >= 2);
    }

    @Test
    void anUnknownDigidIsToldToSignInWithTheCodeFirst() {
        PROVIDER.nextDigid("900000002");
        refused(() -> signIns.signIn("digid", "sign-in", null), 401, "sign-in-not-linked", "not-linked");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        PROVIDER.next("digid", "900000003", Map.of("acr", IdentityProvider.SUBSTANTIAL,
                                                    "iss", "http://127.0.0.1:1/somebody-else"));
        refused(() -> signIns.signIn("digid", "sign-in", null), 401, "sign-in-provider-refused", "wrong-issuer");
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        PROVIDER.next("digid", "900000004", Map.of("acr", IdentityProvider.SUBSTANTIAL, "aud", "another-client"));
        refused(() -> signIns.signIn("digid", "sign-in", null), 401, "sign-in-provider-refused", "wrong-audience");
    }

    @Test
    void anExpiredTokenIsRefused() {
        PROVIDER.next("digid", "900000005", Map.of("acr", IdentityProvider.SUBSTANTIAL),
                      List.of(IdentityProvider.CLIENT_ID), -600);
        refused(() -> signIns.signIn("digid", "sign-in", null), 401, "sign-in-provider-refused", "expired");
    }

    @Test
    void aTokenWithoutAssuranceLevelIsRefused() {
        PROVIDER.next("digid", "900000006", Map.of());
        refused(() -> signIns.signIn("digid", "sign-in", null), 401, "sign-in-assurance-too-low", "acr-missing");
    }

    @Test
    void aTokenBelowSubstantialIsRefused() {
        PROVIDER.next("digid", "900000007", Map.of("acr", IdentityProvider.MIDDLE));
        refused(() -> signIns.signIn("digid", "sign-in", null), 401, "sign-in-assurance-too-low", "acr-not-accepted");
    }

    @Test
    void aTokenWithATamperedSignatureIsRefused() {
        PROVIDER.nextDigid("900000011");
        signIns.signIn("digid", "sign-in", null);
        OidcSignIns.Started started = signIns.start("digid", "sign-in", null);
        String nonce = IdentityProvider.query(URI.create(started.authorizationUrl())).get("nonce");
        IdentityProvider.Returned returned = IdentityProvider.authorize(started.authorizationUrl());
        PROVIDER.answerNextTokenRequestWith(PROVIDER.tamperedIdToken(
                "digid", "900000011", Map.of("acr", IdentityProvider.SUBSTANTIAL, "nonce", nonce)));
        refused(() -> signIns.finish(started, returned, null), 401, "sign-in-provider-refused", "bad-signature");
    }

    @Test
    void aReplayedStateIsRefused() {
        Api.Credentials code = member("replay@example.org");
        PROVIDER.nextDigid("900000008");
        OidcSignIns.Started started = signIns.start("digid", "link", code);
        IdentityProvider.Returned returned = IdentityProvider.authorize(started.authorizationUrl());
        assertEquals(200, signIns.finish(started, returned, code).status());
        refused(() -> signIns.finish(started, returned, null), 401, "sign-in-return-invalid", "replayed-state");
    }

    @Test
    void aCodeAndStateFromAnotherBrowserAreRefused() {
        OidcSignIns.Started started = signIns.start("digid", "sign-in", null);
        IdentityProvider.Returned returned = IdentityProvider.authorize(started.authorizationUrl());
        refused(() -> service.api().post("/api/sign-in/oidc/returns", returned.body()), 401,
                "sign-in-return-invalid", "other-browser");
        OidcSignIns.Started elsewhere = signIns.start("digid", "sign-in", null);
        refused(() -> service.api().post("/api/sign-in/oidc/returns", returned.body(), "Cookie", elsewhere.cookie()),
                401, "sign-in-return-invalid", "other-browser");
    }

    @Test
    void aStateNobodyStartedIsRefused() {
        refused(() -> service.api().post("/api/sign-in/oidc/returns", "{\"code\":\"abc\",\"state\":\"made-up\"}"),
                401, "sign-in-return-invalid", "unknown-state");
    }

    @Test
    void aDigidLinkedToSomeoneElseIsNotLinkedAgain() {
        PROVIDER.nextDigid("900000010");
        assertEquals(200, signIns.signIn("digid", "link", member("first@example.org")).status());
        PROVIDER.nextDigid("900000010");
        refused(() -> signIns.signIn("digid", "link", member("second@example.org")), 409, "identity-linked-elsewhere",
                "linked-elsewhere");
    }

    @Test
    void linkingNeedsASignedInMember() {
        assertProblem(service.api().post("/api/sign-in/oidc/digid", "{\"purpose\":\"link\"}"), 401,
                      "sign-in-required");
    }

    @Test
    void theSignInPageLearnsWhichMethodsAreOffered() {
        Reply methods = service.api().get("/api/sign-in/methods");
        assertEquals(200, methods.status());
        assertTrue(methods.json().path("digid").asBoolean());
        assertTrue(methods.json().path("staffSso").asBoolean());
        assertEquals(false, methods.json().path("digidRequired").asBoolean());
    }

    @Test
    void theProvidersReturnHandsCodeAndStateToThePageInTheFragment() {
        Reply back = service.api().unchecked().get("/sign-in/return?code=abc-123&state=xyz_9");
        assertEquals(303, back.status());
        assertEquals("/#/sign-in/return?code=abc-123&state=xyz_9", back.header("Location"));
    }

    private Api.Credentials member(String email) {
        service.people().member(email);
        return service.people().signInMember(email);
    }

    /** The request is refused with {@code problem}, and one more audit event names the reason. */
    private void refused(java.util.function.Supplier<Reply> request, int status, String problem, String reason) {
        long before = refusals(reason);
        assertProblem(request.get(), status, problem);
        assertEquals(before + 1, refusals(reason), () -> "one audit event of the refusal " + reason);
    }

    private long refusals(String reason) {
        return signIns.audited("sign-in.digid", reason, "FAILED") + signIns.audited("sign-in.oidc", reason, "FAILED");
    }
}
