package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongPassphraseIsFine() {
        assertTrue(PasswordPolicy.problems("paard batterij nietje correct", "jan@inspectie.example").isEmpty());
    }

    @Test
    void theObviousIsRefused() {
        for (String weak : new String[] {"kort", "aaaaaaaaaaaaaaaa", "ababababababab", "abcdefghijklmnopq",
                                         "Password1234", "wachtwoord1234", "x".repeat(129)}) {
            assertFalse(PasswordPolicy.problems(weak, "jan@inspectie.example").isEmpty(), weak);
        }
    }

    @Test
    void theOwnAddressOrTheServiceNameIsRefused() {
        assertFalse(PasswordPolicy.problems("janssen-2026-zomer!", "janssen@inspectie.example").isEmpty());
        assertFalse(PasswordPolicy.problems("Mijn Familiecontact 2026", "jan@inspectie.example").isEmpty());
    }
}
