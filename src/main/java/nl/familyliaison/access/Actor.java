package nl.familyliaison.access;

import nl.familyliaison.platform.Caller;

/**
 * The signed-in person making a request, with the session they use and where the request came from (for the audit
 * trail). The {@link Authentication} filter finds it; HTTP services pass it down.
 */
public record Actor(Session session, Caller caller) {

    public String accountId() {
        return session.account().id();
    }

    public Role role() {
        return session.account().role();
    }

    public Account account() {
        return session.account();
    }
}
