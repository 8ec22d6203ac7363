package nl.familyliaison.access;

import io.helidon.webserver.http.ServerRequest;

/**
 * What the access feature tells the audit trail: sign-ins (both outcomes), refusals, account changes. Main connects it
 * to the audit log; the request gives the request id and the caller's address.
 */
public interface AccessAudit {

    /**
     * @param actor      who did it (null when nobody is signed in, such as a failed sign-in)
     * @param action     what, such as {@code sign-in.member} or {@code staff.disable}
     * @param objectType the kind of thing acted on (may be null)
     * @param objectId   its id (may be null); never an email address, code, password or token
     * @param result     how it ended
     */
    void record(ServerRequest request, Account actor, String action, String objectType, String objectId,
                Result result);

    /** How an audited action ended. */
    enum Result {
        SUCCEEDED,
        /** Tried and did not work (a wrong code or password). */
        FAILED,
        /** Not allowed (a route or object refused, a cross-site request). */
        DENIED
    }
}
