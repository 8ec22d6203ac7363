package nl.familyliaison.access;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Idempotency;

/**
 * What the access feature tells the audit trail: sign-ins (both outcomes), refusals, account changes. Main connects it
 * to the audit log; the {@link Caller} gives the request id and the caller's address.
 */
public interface AccessAudit {

    /**
     * @param caller     where the request came from
     * @param actor      who did it (null when nobody is signed in, such as a failed sign-in)
     * @param action     what, such as {@code sign-in.member} or {@code staff.disable}
     * @param objectType the kind of thing acted on (may be null)
     * @param objectId   its id (may be null); never an email address, code, password or token
     * @param result     how it ended
     */
    void record(Caller caller, Account actor, String action, String objectType, String objectId,
                Result result);

    /**
     * The event of a write that succeeds, for the write to append inside its own transaction once it knows the
     * object's id: it commits or rolls back with the change it describes, so no committed change lacks its event.
     */
    Written written(Caller caller, Account actor, String action, String objectType);

    /** An event waiting for the write's transaction. */
    @FunctionalInterface
    interface Written {
        /** For writes made outside a request (the one-off admin command). */
        Written NONE = (tx, objectId) -> { };

        void append(DbExecute tx, String objectId);

        /** This event, and the request's idempotency key claimed in the same transaction. */
        default Written with(Idempotency.Claim claim) {
            return (tx, objectId) -> {
                claim.take(tx, objectId);
                append(tx, objectId);
            };
        }
    }

    /** How an audited action ended. */
    enum Result {
        SUCCEEDED,
        /** Tried and did not work (a wrong code or password). */
        FAILED,
        /** Not allowed (a route or object refused, a cross-site request). */
        DENIED
    }
}
