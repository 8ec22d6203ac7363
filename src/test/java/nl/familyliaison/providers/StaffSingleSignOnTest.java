package nl.familyliaison.providers;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.OidcSignIns;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff sign in with the Inspectorate's identity provider: its email claim names an existing active staff account
 * (none is ever made by signing in); a provider that asserts multi-factor signs them in at once, otherwise the
 * authenticator app's code is asked as well.
 */
class StaffSingleSignOnTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.start();

    @RegisterExtension
    static final TestService service = TestService.perClass(PROVIDER::configure);

    private final OidcSignIns signIns = new OidcSignIns(service);

    @Test
    void staffWhoseProviderAssertsMultiFactorAreSignedInAtOnce() {
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "sso-mfa@inspectie.example");
        PROVIDER.next("staff", "staff-1", Map.of("email", "SSO-MFA@inspectie.example", "amr", List.of("pwd", "mfa")));
        Reply signedIn = signIns.signIn("staff", "sign-in", null);
        assertEquals(200, signedIn.status(), signedIn::toString);
        assertEquals(staff.account().id(), signedIn.json().path("accountId").asText());
        assertEquals("FAMILY_INSPECTOR", signedIn.json().path("role").asText());
        assertEquals("sign-in.staff-sso", signedIn.json().path("method").asText());
        assertTrue(signIns.audited("sign-in.staff-sso", staff.account().id(), "SUCCEEDED") >= 1);
    }

    @Test
    void staffWithoutAssertedMultiFactorAlsoTypeTheirAuthenticatorCode() {
        People.Staff staff = service.people().staff(Role.INVESTIGATOR, "sso-pwd@inspectie.example");
        PROVIDER.next("staff", "staff-2", Map.of("email", "sso-pwd@inspectie.example", "amr", List.of("pwd")));
        OidcSignIns.Started started = signIns.start("staff", "sign-in", null);
        Reply asked = signIns.finish(started, IdentityProvider.authorize(started.authorizationUrl()), null);
        assertEquals(202, asked.status(), asked::toString);
        assertEquals("totp", asked.json().path("secondFactor").asText());
        service.clock().advance(Duration.ofSeconds(30));
        Reply signedIn = service.api().post("/api/sign-in/oidc/second-factor",
                                            "{\"pendingId\":\"" + asked.json().path("pendingId").asText()
                                            + "\",\"code\":\"" + staff.codeNow(service.clock()) + "\"}",
                                            "Cookie", started.cookie());
        assertEquals(200, signedIn.status(), signedIn::toString);
        assertEquals(staff.account().id(), signedIn.json().path("accountId").asText());
        assertEquals("sign-in.staff-sso-totp", signedIn.json().path("method").asText());
    }

    /** RFC 8176: "otp" or "hwk" alone names one factor, which may have been the only one. */
    @Test
    void oneFactorNamedByTheProviderIsNoSecondFactor() {
        service.people().staff(Role.INVESTIGATOR, "sso-otp@inspectie.example");
        for (String single : List.of("otp", "hwk")) {
            PROVIDER.next("staff", "staff-7", Map.of("email", "sso-otp@inspectie.example", "amr", List.of(single)));
            OidcSignIns.Started started = signIns.start("staff", "sign-in", null);
            Reply asked = signIns.finish(started, IdentityProvider.authorize(started.authorizationUrl()), null);
            assertEquals(202, asked.status(), asked::toString);
            assertEquals("totp", asked.json().path("secondFactor").asText());
        }
    }

    @Test
    void anAddressTheProviderHasNotVerifiedNamesNobody() {
        service.people().staff(Role.INVESTIGATOR, "sso-unverified@inspectie.example");
        PROVIDER.next("staff", "staff-8", Map.of("email", "sso-unverified@inspectie.example", "email_verified", false,
                                                 "amr", List.of("mfa")));
        assertProblem(signIns.signIn("staff", "sign-in", null), 401, "sign-in-no-account");
        assertTrue(signIns.audited("sign-in.staff-sso", "email-not-verified", "FAILED") >= 1);
    }

    @Test
    void aWrongAuthenticatorCodeEndsThePendingSignIn() {
        service.people().staff(Role.INVESTIGATOR, "sso-wrong@inspectie.example");
        PROVIDER.next("staff", "staff-3", Map.of("email", "sso-wrong@inspectie.example"));
        OidcSignIns.Started started = signIns.start("staff", "sign-in", null);
        Reply asked = signIns.finish(started, IdentityProvider.authorize(started.authorizationUrl()), null);
        assertEquals(202, asked.status(), asked::toString);
        String body = "{\"pendingId\":\"" + asked.json().path("pendingId").asText() + "\",\"code\":\"000000\"}";
        long before = signIns.audited("sign-in.staff-sso", "wrong-totp", "FAILED");
        assertProblem(service.api().post("/api/sign-in/oidc/second-factor", body, "Cookie", started.cookie()), 401,
                      "sign-in-failed");
        assertEquals(before + 1, signIns.audited("sign-in.staff-sso", "wrong-totp", "FAILED"));
        assertProblem(service.api().post("/api/sign-in/oidc/second-factor", body, "Cookie", started.cookie()), 401,
                      "sign-in-return-invalid");
    }

    @Test
    void aClaimThatMatchesNoStaffAccountIsRefused() {
        PROVIDER.next("staff", "staff-4", Map.of("email", "nobody-here@inspectie.example", "amr", List.of("mfa")));
        long before = signIns.audited("sign-in.staff-sso", "no-account", "FAILED");
        assertProblem(signIns.signIn("staff", "sign-in", null), 401, "sign-in-no-account");
        assertEquals(before + 1, signIns.audited("sign-in.staff-sso", "no-account", "FAILED"));
    }

    @Test
    void aMemberAddressIsNoStaffAccount() {
        service.people().member("member-not-staff@example.org");
        PROVIDER.next("staff", "staff-5", Map.of("email", "member-not-staff@example.org", "amr", List.of("mfa")));
        assertProblem(signIns.signIn("staff", "sign-in", null), 401, "sign-in-no-account");
    }

    @Test
    void signingOutNamesTheProvidersEndSessionAddress() {
        service.people().staff(Role.INVESTIGATOR, "sso-out@inspectie.example");
        PROVIDER.next("staff", "staff-6", Map.of("email", "sso-out@inspectie.example", "amr", List.of("hwk", "mfa")));
        Reply signedIn = signIns.signIn("staff", "sign-in", null);
        Reply out = service.api().as(People.credentials(signedIn)).delete("/api/session/oidc");
        assertEquals(200, out.status(), out::toString);
        String endSession = out.json().path("endSessionUrl").asText();
        assertTrue(endSession.startsWith(PROVIDER.issuer("staff")), endSession);
        assertTrue(endSession.contains("client_id=" + IdentityProvider.CLIENT_ID), endSession);
        assertTrue(endSession.contains("post_logout_redirect_uri="), endSession);
        assertEquals(401, service.api().as(People.credentials(signedIn)).get("/api/session").status());
    }

    @Test
    void aStaffSsoStartCannotLink() {
        assertProblem(service.api().post("/api/sign-in/oidc/staff", "{\"purpose\":\"link\"}"), 400, "invalid-input");
    }
}
