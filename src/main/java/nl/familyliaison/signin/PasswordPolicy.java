package nl.familyliaison.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import nl.familyliaison.platform.Texts;

/**
 * What a staff password must be (ASVS 5.0 V6): at least 12 characters, at most 128, any characters allowed, and not
 * guessable. Guessable is decided by nbvcxz: it knows lists of common and breached passwords, words and names, and
 * the tricks people use on them (a year or "123" behind a word, l33t, keyboard rows, repeats, runs); a password it
 * estimates below {@link #MIN_ENTROPY_BITS} bits of guesswork is refused. On top of that, the person's own address and
 * the service's name are refused, whatever the estimate.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** nbvcxz's own recommended minimum: about 2^35 guesses, far beyond an online attack within the rate limits. */
    static final double MIN_ENTROPY_BITS = 35;
    private static final List<String> SERVICE_WORDS = List.of("familyliaison", "family liaison", "familiecontact",
                                                              "inspectie", "inspectorate");

    private PasswordPolicy() {
    }

    /**
     * Why {@code password} is not acceptable for {@code email}, as keys of the texts ({@code password.*} in
     * {@code languages/<code>/texts.yaml}); empty when it is acceptable.
     */
    public static List<String> reasons(String password, String email) {
        List<String> reasons = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return List.of("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            return List.of("password.tooLong");
        }
        if (!Estimator.INSTANCE.estimate(password).isMinimumEntropyMet()) {
            reasons.add("password.guessable");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            reasons.add("password.email");
        }
        if (SERVICE_WORDS.stream().anyMatch(lower::contains)) {
            reasons.add("password.serviceName");
        }
        return reasons;
    }

    /** Why {@code password} is not acceptable for {@code email}, in the language of {@code texts}; empty when it is. */
    public static List<String> problems(String password, String email, Texts texts) {
        return reasons(password, email).stream()
                .map(key -> texts.format(key, Map.of("min", MIN_LENGTH, "max", MAX_LENGTH)))
                .toList();
    }

    /** One estimator for the whole service: it loads its dictionaries (a few MB) once, on first use. */
    private static final class Estimator {
        private static final Nbvcxz INSTANCE = new Nbvcxz(configuration());

        private static Configuration configuration() {
            return new ConfigurationBuilder().setMinimumEntropy(MIN_ENTROPY_BITS).setLocale(Locale.ENGLISH)
                    .createConfiguration();
        }
    }
}
