package nl.familyliaison.signin;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Staff passwords, stored as Argon2id hashes (OWASP's baseline: 19 MiB memory, 2 passes, 1 lane) in the standard
 * encoded form, which carries its own salt and parameters so they can be raised later without breaking old hashes.
 */
public final class Passwords {

    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    /** Checked when there is no account, so that a wrong address costs as much time as a wrong password. */
    private static final String DUMMY = hash("no account has this password, it only spends time");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} matches {@code stored}; with no stored hash, spends the same time and says no. */
    public static boolean matches(String password, String stored) {
        if (stored == null) {
            Password.check(password, DUMMY).with(ARGON2ID);
            return false;
        }
        return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
    }
}
