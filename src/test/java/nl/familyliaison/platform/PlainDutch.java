package nl.familyliaison.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The plain-Dutch rules (B1): a sentence has at most {@value #MAX_WORDS} words, and no word comes from the list of
 * officialese in {@code plain-dutch/officialese.yaml}. Placeholders, web and e-mail addresses and the usual
 * abbreviations do not end a sentence; each of them counts as one word.
 */
final class PlainDutch {

    static final int MAX_WORDS = 20;

    /** Spans whose full stops, question and exclamation marks end no sentence. */
    private static final Pattern SHIELDED = Pattern.compile(
            "\\{\\{\\{?[^}]*}}}?|\\{\\w+}|https?://\\S+[\\w/]|www\\.\\S+[\\w/]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
            + "|(?<![\\p{L}])(?:bijv|bv|o\\.a|d\\.w\\.z|enz|etc|i\\.p\\.v|m\\.b\\.t|z\\.s\\.m|e\\.d|nr|ca|t\\.a\\.v"
            + "|n\\.a\\.v|mr|dr|mevr|dhr|jl|a\\.s)\\.",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Where a sentence ends: after . ? ! or … (and a closing quote or bracket) before white space; at an empty line;
     * at a line break before a line that starts anew (a capital, a digit, a list mark or a placeholder).
     */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[.?!…][\"'”’)]?)\\s+|\\n\\s*\\n\\s*|\\s*\\n\\s*(?=[\\p{Lu}\\d•*{-])");
    private static final Pattern WORD = Pattern.compile("\\S*[\\p{L}\\p{N}{]\\S*");
    private static final String MARKS = ".?!";
    private static final String MASKS = "\u0001\u0002\u0003";

    private final List<Rule> officialese;

    private PlainDutch(List<Officialese> officialese) {
        this.officialese = officialese.stream().map(entry -> new Rule(entry.pattern(), entry.plainer())).toList();
    }

    private record Rule(Pattern pattern, String plainer) {
    }

    /** One officialese entry: its forms as whole-word patterns, and the plainer word to use instead. */
    record Officialese(List<String> forms, String plainer) {
        Pattern pattern() {
            List<String> words = forms.stream()
                    .map(form -> Pattern.quote(form).replace(" ", "\\E\\s+\\Q")).toList();
            return Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + String.join("|", words) + ")(?![\\p{L}\\p{N}-])",
                                   Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    /** The rules with the officialese list from the test resources. */
    static PlainDutch load() {
        try (InputStream list = PlainDutch.class.getResourceAsStream("/plain-dutch/officialese.yaml")) {
            return new PlainDutch(new ObjectMapper(new YAMLFactory()).readValue(list, new TypeReference<>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sentences of a plain text (placeholders and addresses kept as they are). */
    static List<String> sentences(String text) {
        StringBuilder masked = new StringBuilder();
        Matcher shielded = SHIELDED.matcher(text);
        while (shielded.find()) {
            shielded.appendReplacement(masked, Matcher.quoteReplacement(mask(shielded.group(), MARKS, MASKS)));
        }
        shielded.appendTail(masked);
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(masked.toString().strip())) {
            if (!sentence.isBlank()) {
                sentences.add(mask(sentence.strip().replaceAll("\\s+", " "), MASKS, MARKS));
            }
        }
        return sentences;
    }

    static int words(String sentence) {
        return (int) WORD.matcher(sentence).results().count();
    }

    /** One sentence that is not plain, and why. */
    record Problem(String sentence, String why) {
        @Override
        public String toString() {
            return why + ": \"" + sentence + "\"";
        }
    }

    /** What is wrong with a text, one problem per long sentence and per officialese word; empty when it is plain. */
    List<Problem> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        for (String sentence : sentences(text)) {
            int words = words(sentence);
            if (words > MAX_WORDS) {
                problems.add(new Problem(sentence, words + " words (at most " + MAX_WORDS + "; split it)"));
            }
            for (Rule entry : officialese) {
                Matcher found = entry.pattern().matcher(sentence);
                if (found.find()) {
                    problems.add(new Problem(sentence, "\"" + found.group() + "\": write \"" + entry.plainer()
                                                       + "\" instead"));
                }
            }
        }
        return problems;
    }

    private static String mask(String text, String from, String to) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int at = from.indexOf(c);
            result.append(at < 0 ? c : to.charAt(at));
        }
        return result.toString();
    }
}
