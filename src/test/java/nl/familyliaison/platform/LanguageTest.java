package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

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
    void aValueFilledIntoRightToLeftTextKeepsItsOwnDirection() {
        String arabic = languages.texts(new Language("ar")).format("mail.check", Map.of("serviceUrl", "https://x.nl"));
        assertTrue(arabic.contains("\u2068https://x.nl\u2069"), arabic);
        String dutch = languages.texts(new Language("nl")).format("mail.check", Map.of("serviceUrl", "https://x.nl"));
        assertFalse(dutch.contains("\u2068"), "left-to-right text needs no marks");
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
    void datesAreGregorianWithLatinDigitsInEveryLocaleInAmsterdamTime() {
        java.time.Instant at = java.time.Instant.parse("2026-12-02T13:30:00Z");
        String dutch = languages.texts(new Language("nl")).dateTime(at);
        assertTrue(dutch.startsWith("2 december 2026") && dutch.endsWith("14:30"),
                   "Amsterdam's winter time, in Dutch words: " + dutch);
        for (String locale : List.of("ar-u-nu-latn", "fa-IR", "tr-TR", "pl-PL", "uk-UA")) {
            String written = new Texts(new Language(locale.substring(0, 2)), java.util.Locale.forLanguageTag(locale),
                                       "ltr", java.util.Map.of()).dateTime(at);
            assertTrue(written.contains("2026") && written.matches(".*\\b(14|2):30.*"), locale + ": " + written);
            assertFalse(written.matches(".*[\u0660-\u0669\u06F0-\u06F9].*"), locale + " has non-Latin digits: " + written);
        }
    }

    @Test
    void aStoredCodeNoLongerListedFallsBackToTheDefault() {
        assertEquals(languages.standard(), languages.stored("xx"));
        assertThrows(IllegalArgumentException.class, () -> new Language("english"));
    }
}
