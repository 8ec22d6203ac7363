package nl.familyliaison.audit;

/** How an audited attempt ended. */
public enum Outcome {
    /** An access decision let the caller through. */
    ALLOWED,
    /** An access decision refused the caller (answered 404, so existence does not leak). */
    DENIED,
    /** An operation, such as a sign-in, worked. */
    SUCCEEDED,
    /** An operation, such as a sign-in, did not work. */
    FAILED
}
