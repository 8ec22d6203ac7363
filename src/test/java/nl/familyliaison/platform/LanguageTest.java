package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

class LanguageTest {

    private final Languages languages = Languages.load(Config.empty());

    @Test
    void theHighestWeightedLanguagesComeFirst() {
        assertEquals(List.of("en", "nl"), AcceptLanguage.preferred("fr;q=0.1, en-US;q=0.8, nl;q=0.7").subList(0, 2));
        assertEquals(List.of("nl", "en"), AcceptLanguage.preferred("en;q=0.3, nl-BE"));
    }

    @Test
    void refusedOrMalformedWeightsGiveNothing() {
        assertEquals(List.of("de", "fr"), AcceptLanguage.preferred("de, fr"));
        assertEquals(List.of(), AcceptLanguage.preferred("en;q=0"));
        assertEquals(List.of(), AcceptLanguage.preferred("en;q=abc"));
    }

    @Test
    void theDefaultIsTheFirstListedLanguage() {
        assertEquals(new Language("nl"), languages.standard());
        assertEquals(languages.listed().getFirst().code(), languages.standard().code());
    }

    @Test
    void aCodeNotListedIsRefusedNamingTheFieldAndTheCodes() {
        ProblemException refused = assertThrows(ProblemException.class, () -> languages.parse("language", "xx"));
        assertEquals("language", refused.errors().getFirst().field());
        assertEquals("Choose one of the languages of GET /api/languages: " + languages.codes() + ".",
                     refused.getMessage());
        assertEquals(new Language("en"), languages.parse("language", "EN"));
    }

    @Test
    void aStoredCodeNoLongerListedFallsBackToTheDefault() {
        assertEquals(languages.standard(), languages.stored("xx"));
        assertThrows(IllegalArgumentException.class, () -> new Language("english"));
    }
}
