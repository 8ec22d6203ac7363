package nl.familyliaison.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.helidon.config.Config;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Languages;
import nl.familyliaison.platform.Texts;
import nl.familyliaison.support.People;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final Languages LANGUAGES = Languages.load(Config.empty());
    private static final Texts EN = LANGUAGES.texts(new Language("en"));
    private static final Texts NL = LANGUAGES.texts(new Language("nl"));

    @Test
    void aLongPassphraseIsFine() {
        assertTrue(PasswordPolicy.problems("paard batterij nietje correct", "jan@inspectie.example", EN).isEmpty());
    }

    @Test
    void theObviousIsRefused() {
        for (String weak : new String[] {"kort", "aaaaaaaaaaaaaaaa", "ababababababab", "abcdefghijklmnopq",
                                         "Password1234", "wachtwoord1234", "x".repeat(129)}) {
            assertFalse(PasswordPolicy.problems(weak, "jan@inspectie.example", EN).isEmpty(), weak);
        }
    }

    @Test
    void theOwnAddressOrTheServiceNameIsRefused() {
        assertFalse(PasswordPolicy.problems("janssen-2026-zomer!", "janssen@inspectie.example", EN).isEmpty());
        assertFalse(PasswordPolicy.problems("Mijn Familiecontact 2026", "jan@inspectie.example", EN).isEmpty());
    }

    @Test
    void passwordsOnTheListsOfCommonAndLeakedPasswordsAreRefusedWhateverTheirLength() {
        // Each is 12 characters or more, so only the estimate (not the length rule) can refuse it.
        for (String common : new String[] {"Welkom2024!!", "Password123456", "qwertyuiop12", "Amsterdam2024!",
                                           "Trustno1trustno1", "iloveyou1234", "correct horse battery staple",
                                           "Welkom123456!"}) {
            List<String> problems = PasswordPolicy.problems(common, "jan@inspectie.example", EN);
            assertEquals(1, problems.size(), common + ": " + problems);
            assertTrue(problems.getFirst().startsWith("This password is too easy to guess"), common);
        }
    }

    @Test
    void theReasonsAreGivenInDutchOrEnglish() {
        assertEquals(List.of("Gebruik minstens 12 tekens."),
                     PasswordPolicy.problems("kort", "jan@inspectie.example", NL));
        assertTrue(PasswordPolicy.problems("Password123456", "jan@inspectie.example", NL).getFirst()
                           .startsWith("Dit wachtwoord is te makkelijk te raden"));
        assertEquals(List.of("Gebruik de naam van de dienst niet in uw wachtwoord."),
                     PasswordPolicy.problems("Mijn Familiecontact zegt hallo", "jan@inspectie.example",
                                             NL));
    }

    @Test
    void thePasswordTheTestsUseIsStrong() {
        assertEquals(List.of(), PasswordPolicy.problems(People.STAFF_PASSWORD, "fi@inspectie.example", EN));
    }
}
