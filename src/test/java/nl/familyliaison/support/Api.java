package nl.familyliaison.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An HTTP client for one running service that behaves like the web client: state-changing requests carry the
 * service's own Origin and the CSRF header (the session's token once signed in). Every answer is checked against
 * openapi.yaml unless the client was made with {@link #unchecked()}.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final URI base;
    private final boolean checkContract;
    private final boolean crossSiteHeaders;
    private final Credentials credentials;

    public Api(URI base, boolean checkContract) {
        this(base, checkContract, true, null);
    }

    private Api(URI base, boolean checkContract, boolean crossSiteHeaders, Credentials credentials) {
        this.base = base;
        this.checkContract = checkContract;
        this.crossSiteHeaders = crossSiteHeaders;
        this.credentials = credentials;
    }

    /** A signed-in person: their session cookie's value and CSRF token. */
    public record Credentials(String sessionToken, String csrfToken) {
    }

    /** The same client without the contract check. */
    public Api unchecked() {
        return new Api(base, false, crossSiteHeaders, credentials);
    }

    /** The same client signed in. */
    public Api as(Credentials signedIn) {
        return new Api(base, checkContract, crossSiteHeaders, signedIn);
    }

    /** The same client without Origin and CSRF headers (what another site's page could send). */
    public Api withoutCrossSiteHeaders() {
        return new Api(base, checkContract, false, credentials);
    }

    public Credentials credentials() {
        return credentials;
    }

    public URI base() {
        return base;
    }

    public String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /**
     * Sends any request.
     *
     * @param headers name, value, name, value …
     */
    public Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                             : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            given.add(headers[i].toLowerCase());
        }
        if (credentials != null && !given.contains("cookie")) {
            request.header("Cookie", "__Host-fl-session=" + credentials.sessionToken());
        }
        if (crossSiteHeaders && !SAFE.contains(method)) {
            if (!given.contains("origin")) {
                request.header("Origin", origin());
            }
            if (!given.contains("x-csrf-token")) {
                request.header("X-CSRF-Token", credentials == null ? "signing-in" : credentials.csrfToken());
            }
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (checkContract) {
                Contract.check(method, URI.create(path).getPath(), response);
            }
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
