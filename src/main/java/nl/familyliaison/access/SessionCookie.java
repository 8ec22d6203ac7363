package nl.familyliaison.access;

import java.time.Duration;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The session cookie: {@code __Host-} prefixed (so it is Secure, host-only and path /), HttpOnly (no script can read
 * it) and SameSite=Strict (never sent on a request started by another site).
 */
public final class SessionCookie {

    public static final String NAME = "__Host-fl-session";

    private SessionCookie() {
    }

    public static Optional<String> read(ServerRequest request) {
        return request.headers().cookies().first(NAME).asOptional();
    }

    /** Sets the cookie; it lives at most as long as the session's absolute limit. */
    public static void write(ServerResponse response, String token, Duration maxAge) {
        response.header(HeaderNames.SET_COOKIE,
                        NAME + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age="
                        + maxAge.toSeconds());
    }

    public static void clear(ServerResponse response) {
        response.header(HeaderNames.SET_COOKIE, NAME + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    }
}
