package nl.familyliaison.passkeys;

import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * A passkey sign-in that did not work: the problem the person reads, and for the audit trail the passkey it was
 * (when one was found) and why. The reason goes to the audit trail only, never into the answer.
 */
final class Refusal extends ProblemException {

    private final String passkeyId;
    private final String reason;

    private Refusal(ProblemType type, String detail, String passkeyId, String reason) {
        super(type, detail, List.of(), Map.of());
        this.passkeyId = passkeyId;
        this.reason = reason;
    }

    /** The same answer for every failure that a person cannot fix on this passkey. */
    static Refusal failed(String passkeyId, String reason) {
        return new Refusal(ProblemType.SIGN_IN_FAILED,
                           "Signing in with this passkey did not work. Try again, or sign in another way.",
                           passkeyId, reason);
    }

    /** A copied authenticator was seen: the passkey works no more until the person removes it. */
    static Refusal unusable(String passkeyId, String reason) {
        return new Refusal(ProblemType.PASSKEY_UNUSABLE,
                           "This passkey can no longer be used. Sign in another way, then remove it and add a new"
                           + " one.",
                           passkeyId, reason);
    }

    /** Members sign in with DigiD here; passkeys are for staff only. */
    static Refusal notForMembers(String passkeyId) {
        return new Refusal(ProblemType.PASSKEY_NOT_ALLOWED,
                           "Passkeys cannot be used for your account. Sign in with DigiD.", passkeyId,
                           "members-use-digid");
    }

    String passkeyId() {
        return passkeyId;
    }

    String reason() {
        return reason;
    }
}
