package nl.familyliaison.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff password must be (ASVS 5.0 V6): at least 12 characters, at most 128, any characters allowed, and not
 * something obvious — a well-known password, one character repeated, a simple run, or the person's own address or
 * the service's name.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890ab", "qwertyuiopas", "password1234", "passwordpassword", "welkom123456",
            "wachtwoord123", "wachtwoord1234", "iloveyou1234", "administrator", "letmein12345", "changeme1234",
            "qwerty123456", "abc123456789", "zomer2024!!!", "winter2024!!", "welcome12345", "p@ssw0rd1234",
            "trustno1trustno1", "football1234", "geheim123456", "0000000000000", "azertyuiopqs");
    private static final List<String> SERVICE_WORDS = List.of("familyliaison", "family liaison", "familiecontact",
                                                              "inspectie", "inspectorate");

    private PasswordPolicy() {
    }

    /** Why {@code password} is not acceptable for {@code email}; empty when it is. */
    public static List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("Use at least " + MIN_LENGTH + " characters.");
            return problems;
        }
        if (length > MAX_LENGTH) {
            problems.add("Use at most " + MAX_LENGTH + " characters.");
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || isRepeatedOrRun(lower)) {
            problems.add("This password is too easy to guess.");
        }
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            problems.add("Do not use your email address in your password.");
        }
        if (SERVICE_WORDS.stream().anyMatch(lower::contains)) {
            problems.add("Do not use the name of the service in your password.");
        }
        return problems;
    }

    private static boolean isRepeatedOrRun(String password) {
        boolean repeated = password.chars().distinct().count() <= 2;
        boolean run = true;
        for (int i = 1; i < password.length() && run; i++) {
            run = password.charAt(i) - password.charAt(i - 1) == 1;
        }
        return repeated || run;
    }
}
