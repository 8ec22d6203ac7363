package nl.familyliaison.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in the test JVM (NAV's mock-oauth2-server on 127.0.0.1, the only host a test
 * browser resolves), with two issuers: {@code digid} (a DigiD broker) and {@code staff} (the Inspectorate's identity
 * provider). Each test chooses the next token's subject, claims, audience and lifetime. As a test class's extension
 * (registered before its service) it stops after the class.
 */
public final class IdentityProvider implements AutoCloseable, AfterAllCallback {

    public static final String CLIENT_ID = "family-liaison";
    public static final String SUBSTANTIAL = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard";
    public static final String MIDDLE = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final MockOAuth2Server server;
    private final AtomicReference<String[]> nextTokens;

    private IdentityProvider(MockOAuth2Server server, AtomicReference<String[]> nextTokens) {
        this.server = server;
        this.nextTokens = nextTokens;
    }

    public static IdentityProvider start() {
        AtomicReference<String[]> nextTokens = new AtomicReference<>();
        MockOAuth2Server server = new MockOAuth2Server(substitute(nextTokens));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), Ports.free());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new IdentityProvider(server, nextTokens);
    }

    /** Both providers configured on the service, with these further settings (such as DigiD required). */
    public TestService.Builder configure(TestService.Builder builder) {
        return builder.set("oidc.members.issuer", issuer("digid"))
                .set("oidc.members.client-id", CLIENT_ID)
                .set("oidc.members.client-secret", "members-secret")
                .set("oidc.members.accepted-acr", SUBSTANTIAL)
                .set("oidc.staff.issuer", issuer("staff"))
                .set("oidc.staff.client-id", CLIENT_ID)
                .set("oidc.staff.client-secret", "staff-secret");
    }

    /** The issuer at 127.0.0.1 (the mock names itself "localhost", which a test browser does not reach). */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).newBuilder().host("127.0.0.1").build().toString();
    }

    public MockOAuth2Server server() {
        return server;
    }

    /** The next token of {@code issuerId}: for {@code subject}, with {@code claims}, for the service. */
    public void next(String issuerId, String subject, Map<String, Object> claims) {
        next(issuerId, subject, claims, List.of(CLIENT_ID), 3600);
    }

    public void next(String issuerId, String subject, Map<String, Object> claims, List<String> audience,
                     long lifetimeSeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience,
                                                              new HashMap<>(claims), lifetimeSeconds));
    }

    /** A DigiD member at level substantial. */
    public void nextDigid(String subject) {
        next("digid", subject, Map.of("acr", SUBSTANTIAL));
    }

    /** A real ID token of {@code issuerId}, signed with its key, for the service. */
    public String idToken(String issuerId, String subject, Map<String, Object> claims) {
        Map<String, Object> withIssuer = new HashMap<>(claims);
        withIssuer.putIfAbsent("iss", issuer(issuerId));
        return server.issueToken(issuerId, CLIENT_ID,
                                 new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(CLIENT_ID),
                                                                withIssuer, 3600))
                .serialize();
    }

    /** A real ID token whose signature then has one character changed: what an altered token would look like. */
    public String tamperedIdToken(String issuerId, String subject, Map<String, Object> claims) {
        String token = idToken(issuerId, subject, claims);
        int at = token.lastIndexOf('.') + 10;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + changed + token.substring(at + 1);
    }

    /** The provider's next answer to a token request holds these tokens (instead of ones it makes itself). */
    public void answerNextTokenRequestWith(String idToken, String accessToken) {
        nextTokens.set(new String[] {idToken, accessToken});
    }

    public void answerNextTokenRequestWith(String idToken) {
        answerNextTokenRequestWith(idToken, "an-access-token");
    }

    /** The bodies of the token requests the provider received since the last call (they hold code and verifier). */
    public List<String> tokenRequests() {
        List<String> bodies = new java.util.ArrayList<>();
        while (true) {
            okhttp3.mockwebserver.RecordedRequest request;
            try {
                request = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return bodies; // the provider says so by throwing: no more requests
            }
            if (request.getPath() != null && request.getPath().endsWith("/token")) {
                bodies.add(request.getBody().readUtf8());
            }
        }
    }

    /** Answers a token request with the armed ID token once; otherwise leaves it to the provider's own route. */
    private static Route substitute(AtomicReference<String[]> armed) {
        return new Route() {
            @Override
            public boolean match(OAuth2HttpRequest request) {
                return armed.get() != null && "POST".equals(request.getMethod())
                       && request.getUrl().encodedPath().endsWith("/token");
            }

            @Override
            public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
                String[] tokens = armed.getAndSet(null);
                String body = "{\"access_token\":\"" + tokens[1] + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                              + "\"id_token\":\"" + tokens[0] + "\"}";
                return new OAuth2HttpResponse(okhttp3.Headers.of("Content-Type", "application/json"), 200, body,
                                              null);
            }
        };
    }

    /** What the provider sends the browser back with. */
    public record Returned(String code, String state, URI location) {
        public String body() {
            return "{\"code\":\"" + code + "\",\"state\":\"" + state + "\"}";
        }
    }

    /** Follows the authorization address as a browser would and reads the return's code and state. */
    public static Returned authorize(String authorizationUrl) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                                                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no redirect from the provider: " + answer.statusCode()
                                                          + " " + answer.body()));
            Map<String, String> query = query(URI.create(location));
            return new Returned(query.get("code"), query.get("state"), URI.create(location));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                       parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
