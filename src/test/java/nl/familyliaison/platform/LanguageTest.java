package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void theHighestWeightedKnownLanguageWins() {
        assertEquals(Optional.of(Language.EN), Language.fromAcceptLanguage("fr;q=0.9, en-US;q=0.8, nl;q=0.7"));
        assertEquals(Optional.of(Language.NL), Language.fromAcceptLanguage("en;q=0.3, nl-BE"));
    }

    @Test
    void unknownOrRefusedLanguagesGiveNothing() {
        assertEquals(Optional.empty(), Language.fromAcceptLanguage("de, fr"));
        assertEquals(Optional.empty(), Language.fromAcceptLanguage("en;q=0"));
        assertEquals(Optional.empty(), Language.fromAcceptLanguage("en;q=abc"));
    }
}
