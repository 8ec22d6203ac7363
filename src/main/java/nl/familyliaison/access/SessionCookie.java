package nl.familyliaison.access;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The session cookie: {@code __Host-} prefixed (so it is Secure, host-only and path /), HttpOnly (no script can read
 * it) and SameSite=Strict (never sent on a request started by another site). It has no Max-Age or Expires: it is a
 * browser-session cookie, gone when the browser closes, so a shared or checked phone keeps no way back in (the
 * session's own idle and absolute limits still hold on the server).
 */
public final class SessionCookie {

    public static final String NAME = "__Host-fl-session";

    private SessionCookie() {
    }

    /** Sets the cookie, for as long as the browser runs (the server ends the session at its limits). */
    public static void write(ServerResponse response, String token) {
        response.header(HeaderNames.SET_COOKIE, NAME + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    public static void clear(ServerResponse response) {
        response.header(HeaderNames.SET_COOKIE, NAME + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    }
}
