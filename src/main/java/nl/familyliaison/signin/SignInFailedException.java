package nl.familyliaison.signin;

import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * Sign-in did not work. Always the same answer, whichever part was wrong (unknown address, wrong code or password,
 * used or expired code), so that the answer tells an attacker nothing.
 */
public final class SignInFailedException extends ProblemException {

    public SignInFailedException(String detail) {
        this(ProblemType.SIGN_IN_FAILED, detail);
    }

    SignInFailedException(ProblemType type, String detail) {
        super(type, detail, List.of(), Map.of());
    }
}
