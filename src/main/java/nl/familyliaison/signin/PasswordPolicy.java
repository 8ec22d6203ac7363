package nl.familyliaison.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import nl.familyliaison.platform.Language;

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

    /** Why {@code password} is not acceptable for {@code email}, in English; empty when it is. */
    public static List<String> problems(String password, String email) {
        return problems(password, email, Language.EN);
    }

    /** Why {@code password} is not acceptable for {@code email}, in {@code language}; empty when it is. */
    public static List<String> problems(String password, String email, Language language) {
        boolean nl = language == Language.NL;
        List<String> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add(nl ? "Gebruik minstens " + MIN_LENGTH + " tekens." : "Use at least " + MIN_LENGTH
                                                                             + " characters.");
            return problems;
        }
        if (length > MAX_LENGTH) {
            problems.add(nl ? "Gebruik hoogstens " + MAX_LENGTH + " tekens." : "Use at most " + MAX_LENGTH
                                                                               + " characters.");
            return problems;
        }
        if (!Estimator.INSTANCE.estimate(password).isMinimumEntropyMet()) {
            problems.add(nl ? "Dit wachtwoord is te makkelijk te raden: het staat op lijsten van veelgebruikte of "
                              + "gelekte wachtwoorden, of lijkt daar te veel op. Kies bijvoorbeeld een zin van een "
                              + "paar woorden die alleen u kent."
                            : "This password is too easy to guess: it is on lists of common or leaked passwords, "
                              + "or too much like one. Choose, for example, a sentence of a few words that only you "
                              + "know.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            problems.add(nl ? "Gebruik uw e-mailadres niet in uw wachtwoord."
                            : "Do not use your email address in your password.");
        }
        if (SERVICE_WORDS.stream().anyMatch(lower::contains)) {
            problems.add(nl ? "Gebruik de naam van de dienst niet in uw wachtwoord."
                            : "Do not use the name of the service in your password.");
        }
        return problems;
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
