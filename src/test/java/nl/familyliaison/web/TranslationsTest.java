package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The translation files against each other and against the code: the same keys and placeholders in Dutch and
 * English, every key the code names exists, and no text sits in the HTML itself. (The page tour scans the drawn
 * pages for text that is in no translation file.)
 */
class TranslationsTest {

    private static final Path WEB = Path.of("src", "main", "resources", "web");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** A quoted translation key in the code: 'part.part'. */
    private static final Pattern KEY = Pattern.compile("'([a-z][a-zA-Z]*\\.[a-zA-Z][a-zA-Z0-9.]*)'");

    @Test
    void dutchAndEnglishHaveTheSameKeysAndPlaceholders() {
        Map<String, String> dutch = PageChecks.translations("nl");
        Map<String, String> english = PageChecks.translations("en");
        assertEquals(new TreeSet<>(dutch.keySet()), new TreeSet<>(english.keySet()));
        List<String> different = new ArrayList<>();
        dutch.forEach((key, text) -> {
            if (!placeholders(text).equals(placeholders(english.get(key)))) {
                different.add(key);
            }
            if (text.isBlank() || english.get(key).isBlank()) {
                different.add(key + " (empty)");
            }
        });
        assertEquals(List.of(), different);
    }

    @Test
    void everyKeyTheCodeNamesIsTranslated() throws IOException {
        Set<String> keys = PageChecks.translations("nl").keySet();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!key.endsWith(".js") && !key.endsWith(".ics") && !keys.contains(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        String html = Files.readString(WEB.resolve("index.html"));
        Jsoup.parse(html).select("[data-i18n]").forEach(element -> {
            if (!keys.contains(element.attr("data-i18n"))) {
                missing.add("index.html: " + element.attr("data-i18n"));
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void theHtmlHoldsNoTextOfItsOwn() throws IOException {
        String text = Jsoup.parse(Files.readString(WEB.resolve("index.html"))).text().strip();
        assertEquals("", text, "every text of the page comes from the translation files");
        assertTrue(Files.readString(WEB.resolve("index.html")).contains("data-i18n=\"quickExit.button\""));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
