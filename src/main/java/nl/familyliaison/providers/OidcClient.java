package nl.familyliaison.providers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * One provider over OpenID Connect, through the Nimbus SDK: its discovery metadata (fetched when first needed and
 * kept, so a provider that is down at start-up does not stop the service), the authorization request (code flow,
 * PKCE S256, state, nonce), the token request and the ID token's checks (signature against the provider's JWKS,
 * issuer, audience, expiry, nonce).
 */
final class OidcClient {

    private static final Logger LOG = Logger.getLogger(OidcClient.class.getName());
    private static final int TIMEOUT_MILLIS = 5000;

    private final ProviderSettings settings;
    private final URI redirectUri;
    private volatile Discovered discovered;

    OidcClient(ProviderSettings settings, URI redirectUri) {
        this.settings = settings;
        this.redirectUri = redirectUri;
    }

    /** The metadata and the validator that holds the provider's keys (cached by Nimbus). */
    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** What the ID token told, once all its checks passed. */
    record Identity(String subject, Optional<String> acr, List<String> amr, IDTokenClaimsSet claims) {
    }

    ProviderSettings settings() {
        return settings;
    }

    URI authorizationUrl(String state, String nonce, String verifier) {
        OIDCProviderMetadata metadata = discovered().metadata();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
        if (!settings.acrValues().isEmpty()) {
            request.acrValues(settings.acrValues().stream().map(ACR::new).toList());
        }
        return request.build().toURI();
    }

    /**
     * Exchanges the code for tokens and checks the ID token.
     *
     * @throws Refusal when the provider refuses the code or the ID token fails a check
     */
    Identity redeem(String code, String verifier, String nonce) {
        Discovered found = discovered();
        JWT idToken = idToken(found.metadata(), code, verifier);
        try {
            IDTokenClaimsSet claims = found.validator().validate(idToken, new Nonce(nonce));
            List<String> amr = claims.getAMR() == null ? List.of()
                    : claims.getAMR().stream().map(Object::toString).toList();
            return new Identity(claims.getSubject().getValue(),
                                Optional.ofNullable(claims.getACR()).map(ACR::getValue), amr, claims);
        } catch (BadJOSEException | JOSEException e) {
            throw Refusal.provider(reasonOf(e));
        }
    }

    /** The provider's end-session address (RP-initiated logout), when its metadata has one. */
    Optional<URI> endSessionUrl(String postLogoutRedirect) {
        return Optional.ofNullable(discoveredOrNull()).map(found -> found.metadata().getEndSessionEndpointURI())
                .map(endpoint -> URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&")
                                            + "client_id=" + encode(settings.clientId())
                                            + "&post_logout_redirect_uri=" + encode(postLogoutRedirect)));
    }

    private JWT idToken(OIDCProviderMetadata metadata, String code, String verifier) {
        ClientID clientId = new ClientID(settings.clientId());
        ClientAuthentication authentication = new ClientSecretBasic(clientId, new Secret(settings.clientSecret()));
        TokenRequest request = settings.clientSecret().isEmpty()
                ? new TokenRequest(metadata.getTokenEndpointURI(), clientId,
                                   new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                                                              new CodeVerifier(verifier)))
                : new TokenRequest(metadata.getTokenEndpointURI(), authentication,
                                   new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                                                              new CodeVerifier(verifier)));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw Refusal.provider("code-refused");
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw Refusal.provider("no-id-token");
            }
            return idToken;
        } catch (ParseException | ClassCastException e) {
            throw Refusal.provider("token-response-unreadable");
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private Discovered discovered() {
        Discovered found = discoveredOrNull();
        if (found == null) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                       "Signing in this way does not work right now. Please try again later.");
        }
        return found;
    }

    /** The metadata, fetched now if it is not known yet; null while the provider cannot be reached. */
    private Discovered discoveredOrNull() {
        Discovered found = discovered;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (discovered == null) {
                try {
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()),
                                                                                 TIMEOUT_MILLIS, TIMEOUT_MILLIS);
                    discovered = new Discovered(metadata, new IDTokenValidator(
                            metadata.getIssuer(), new ClientID(settings.clientId()), algorithm(metadata),
                            metadata.getJWKSetURI().toURL()));
                } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException | RuntimeException e) {
                    LOG.warning("The " + settings.provider().id() + " sign-in provider's metadata could not be read: "
                                + e.getClass().getSimpleName());
                    return null;
                }
            }
            return discovered;
        }
    }

    /** RS256 where the provider offers it (what OpenID Connect requires every provider to support). */
    private static JWSAlgorithm algorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        return offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256
                : offered.getFirst();
    }

    private ProblemException unavailable(IOException e) {
        LOG.warning("The " + settings.provider().id() + " sign-in provider could not be reached: "
                    + e.getClass().getSimpleName());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                    "Signing in this way does not work right now. Please try again later.");
    }

    /** The kind of failed check, for the audit trail: never the token itself. */
    private static String reasonOf(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("issuer")) {
            return "wrong-issuer";
        }
        if (message.contains("audience")) {
            return "wrong-audience";
        }
        if (message.contains("expired")) {
            return "expired";
        }
        if (message.contains("nonce")) {
            return "wrong-nonce";
        }
        if (message.contains("signature") || message.contains("key")) {
            return "bad-signature";
        }
        return "id-token-invalid";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
