package nl.familyliaison.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether every listed language has every file, key, phase and placeholder the default language has: the start-up
 * check that keeps a half-translated language from showing raw keys or a mix of languages.
 */
final class LanguageCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final List<String> PHASE_FIELDS = List.of("title", "whatHappens", "usualDuration", "whatYouCanDo");

    private final Languages languages;

    LanguageCheck(Languages languages) {
        this.languages = languages;
    }

    /** What is missing, one line per gap naming the language, the file and the key; empty when all is there. */
    List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        String standard = languages.standard().code();
        Map<String, String> client = client(standard).orElse(Map.of());
        Map<String, String> texts = flat(standard, "texts.yaml").orElse(Map.of());
        Set<String> phases = phases(standard).keySet();
        for (Languages.Spoken language : languages.listed()) {
            String code = language.code();
            compare(code, "client.json", client, client(code), gaps);
            compare(code, "texts.yaml", texts, flat(code, "texts.yaml"), gaps);
            if (languages.file(code, "phases.yaml").isEmpty()) {
                gaps.add(code + ": languages/" + code + "/phases.yaml is missing");
                continue;
            }
            Map<String, JsonNode> own = phases(code);
            for (String phase : phases) {
                for (String field : PHASE_FIELDS) {
                    if (!own.containsKey(phase) || own.get(phase).path(field).asText().isBlank()) {
                        gaps.add(code + ": languages/" + code + "/phases.yaml lacks " + phase + "." + field);
                    }
                }
            }
        }
        return gaps;
    }

    private static void compare(String code, String file, Map<String, String> standard,
                                Optional<Map<String, String>> found, List<String> gaps) {
        if (found.isEmpty()) {
            gaps.add(code + ": languages/" + code + "/" + file + " is missing");
            return;
        }
        Map<String, String> own = found.get();
        standard.forEach((key, text) -> {
            String translated = own.get(key);
            if (translated == null || translated.isBlank()) {
                gaps.add(code + ": languages/" + code + "/" + file + " lacks key " + key);
            } else if (!placeholders(text).equals(placeholders(translated))) {
                gaps.add(code + ": languages/" + code + "/" + file + " key " + key + " has placeholders "
                         + placeholders(translated) + ", not " + placeholders(text));
            }
        });
        own.keySet().stream().filter(key -> !standard.containsKey(key))
                .forEach(key -> gaps.add(code + ": languages/" + code + "/" + file + " has unknown key " + key));
    }

    private Optional<Map<String, String>> client(String code) {
        return languages.file(code, "client.json").map(text -> {
            try {
                return strings(Json.mapper().readTree(text));
            } catch (IOException e) {
                throw new IllegalStateException("languages/" + code + "/client.json is not valid JSON", e);
            }
        });
    }

    private Optional<Map<String, String>> flat(String code, String file) {
        return languages.yaml(code, file).map(LanguageCheck::strings);
    }

    private Map<String, JsonNode> phases(String code) {
        Map<String, JsonNode> phases = new TreeMap<>();
        languages.yaml(code, "phases.yaml").ifPresent(tree -> tree.properties()
                .forEach(phase -> phases.put(phase.getKey(), phase.getValue())));
        return phases;
    }

    private static Map<String, String> strings(JsonNode tree) {
        Map<String, String> entries = new TreeMap<>();
        tree.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asText()));
        return entries;
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
