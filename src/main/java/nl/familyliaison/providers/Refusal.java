package nl.familyliaison.providers;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * A sign-in with a provider that is refused: answered as its problem type, and audited with the kind of reason
 * (such as {@code wrong-issuer} or {@code replayed-state}), never with the token, code or state.
 */
final class Refusal extends ProblemException {

    private final String reason;
    private final Provider provider;

    Refusal(ProblemType type, String reason, String detail) {
        this(type, reason, detail, null);
    }

    private Refusal(ProblemType type, String reason, String detail, Provider provider) {
        super(type, detail);
        this.reason = reason;
        this.provider = provider;
    }

    String reason() {
        return reason;
    }

    /** The provider the refused sign-in was with; null when the return named no sign-in that was started. */
    Provider provider() {
        return provider;
    }

    /** The same refusal, known to be of a sign-in with {@code with}. */
    Refusal of(Provider with) {
        return new Refusal(type(), reason, getMessage(), with);
    }

    /** The provider's answer failed a check. */
    static Refusal provider(String reason) {
        return new Refusal(ProblemType.SIGN_IN_PROVIDER_REFUSED, reason,
                           "Signing in with this provider did not work. Please start again.");
    }

    /** The return belongs to no usable sign-in started in this browser. */
    static Refusal returned(String reason) {
        return new Refusal(ProblemType.SIGN_IN_RETURN_INVALID, reason,
                           "This sign-in has expired or was started elsewhere. Please start again.");
    }

    static Refusal assurance(String reason) {
        return new Refusal(ProblemType.SIGN_IN_ASSURANCE_TOO_LOW, reason,
                           "This sign-in is not secure enough here. Use DigiD with the level this service asks for.");
    }
}
