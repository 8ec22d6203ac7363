package nl.familyliaison.platform;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;

/**
 * The server's own texts in one language ({@code languages/<code>/texts.yaml}: flat keys), with {@code {name}}
 * placeholders, and its locale for dates and times (Gregorian, Latin digits, shown in Europe/Amsterdam).
 */
public record Texts(Language language, Locale locale, String direction, Map<String, String> entries) {

    /** The texts in the language of this request. */
    public static Texts of(ServerRequest request) {
        Languages languages = Languages.of(request);
        return languages.texts(languages.chosen(request));
    }

    /** The texts in {@code language} (a person's own, say), the default language's when it is no longer listed. */
    public static Texts of(ServerRequest request, Language language) {
        return Languages.of(request).texts(language);
    }

    /**
     * The text of {@code key}. The start-up check makes sure every listed language has every key.
     *
     * @throws IllegalStateException for a key this language lacks (a programming error, never a person's input)
     */
    public String get(String key) {
        String text = entries.get(key);
        if (text == null) {
            throw new IllegalStateException("No text '" + key + "' in languages/" + language.code() + "/texts.yaml");
        }
        return text;
    }

    /**
     * The text of {@code key} with each {@code {name}} replaced by its value; in right-to-left text each value is
     * isolated (FSI … PDI), so an address, a date or a number keeps its own order.
     */
    public String format(String key, Map<String, ?> values) {
        String text = get(key);
        boolean rtl = "rtl".equals(direction);
        for (Map.Entry<String, ?> value : values.entrySet()) {
            String filled = String.valueOf(value.getValue());
            text = text.replace("{" + value.getKey() + "}", rtl ? "\u2068" + filled + "\u2069" : filled);
        }
        return text;
    }

    /** A date and time as people of this language write it ("2 december 2026 14:30"). */
    public String dateTime(TemporalAccessor at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(java.time.ZoneId.of("Europe/Amsterdam")).format(at);
    }
}
