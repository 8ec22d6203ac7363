package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.familyliaison.notify.MailTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every listed language speaks all of it, so no page shows a raw key or a mix of languages: the client texts and the
 * server's texts with exactly Dutch's keys and the same {placeholders}, all nine phases with their four texts, and
 * every mail template's three files with Dutch's {{tags}}. Languages are listed in languages.yaml only once complete.
 */
class LanguageFilesTest {

    private static final Path LANGUAGES = Path.of("src", "main", "resources", "languages");
    private static final Path MAIL = Path.of("mail-templates");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?\\s*([#^/&]?\\s*[\\w.]+)\\s*}?}}");
    private static final List<String> PHASES = List.of("start", "introduction", "plan", "interviews", "analysis",
                                                       "draft-report", "briefing", "publication", "aftercare");
    private static final List<String> FIELDS = List.of("title", "whatHappens", "usualDuration", "whatYouCanDo");

    @Test
    void everyListedLanguageHasEveryTextOfDutch() throws IOException {
        assertEquals(List.of(), gaps(LANGUAGES, MAIL, codes(LANGUAGES)));
    }

    @Test
    void theListIsInTheAgreedShape() throws IOException {
        JsonNode list = YAML.readTree(LANGUAGES.resolve("languages.yaml").toFile()).path("languages");
        assertEquals("nl", list.path(0).path("code").asText(), "Dutch is first: the default");
        for (JsonNode language : list) {
            assertTrue(Set.of("ltr", "rtl").contains(language.path("direction").asText()), language.toString());
            assertFalse(language.path("name").asText().isBlank(), language.toString());
            assertFalse(language.path("locale").asText().isBlank(), language.toString());
            assertTrue(language.path("reviewed").isBoolean(), language.toString());
        }
    }

    @Test
    void aMissingTextIsNamedByLanguageFileAndKey(@TempDir Path copy) throws IOException {
        Path languages = copyOf(LANGUAGES, copy.resolve("languages"));
        Path mail = copyOf(MAIL, copy.resolve("mail"));
        Files.writeString(languages.resolve("en/texts.yaml"), Files.readString(languages.resolve("en/texts.yaml"))
                .replaceAll("(?m)^calendar\\.summary:.*$", ""));
        Files.writeString(languages.resolve("en/client.json"), Files.readString(languages.resolve("en/client.json"))
                .replace("{name}", "{naam}"));
        Files.delete(languages.resolve("en/phases.yaml"));
        Files.writeString(mail.resolve("new-update/en.text.mustache"), "Nothing of the link.");
        Files.delete(mail.resolve("sign-in-code/en.html.mustache"));

        List<String> gaps = gaps(languages, mail, List.of("nl", "en"));
        assertTrue(gaps.contains("en: texts.yaml lacks calendar.summary"), gaps.toString());
        assertTrue(gaps.contains("en: client.json dashboard.hello has [naam] instead of [name]"), gaps.toString());
        assertTrue(gaps.contains("en: phases.yaml is missing"), gaps.toString());
        assertTrue(gaps.contains("en: mail-templates/new-update/en.text.mustache has tags [] instead of "
                                 + "[serviceLink]"), gaps.toString());
        assertTrue(gaps.contains("en: mail-templates/sign-in-code/en.html.mustache is missing"), gaps.toString());
    }

    @Test
    void theServiceRefusesToStartWithAListedLanguageThatLacksAFile(@TempDir Path extra) throws IOException {
        listScratch(extra);
        Path xx = Files.createDirectories(extra.resolve("xx"));
        Files.copy(LANGUAGES.resolve("en/client.json"), xx.resolve("client.json"));
        Files.copy(LANGUAGES.resolve("en/phases.yaml"), xx.resolve("phases.yaml"));
        Config config = Config.just(ConfigSources.create(Map.of("languages.directory", extra.toString())));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Languages.load(config));
        assertTrue(refused.getMessage().contains("xx: languages/xx/texts.yaml is missing"), refused.getMessage());

        Files.writeString(xx.resolve("texts.yaml"), Files.readString(LANGUAGES.resolve("en/texts.yaml"))
                .replaceAll("(?m)^export\\.title:.*$", ""));
        refused = assertThrows(IllegalStateException.class, () -> Languages.load(config));
        assertTrue(refused.getMessage().contains("xx: languages/xx/texts.yaml lacks key export.title"),
                   refused.getMessage());

        Files.copy(LANGUAGES.resolve("en/texts.yaml"), xx.resolve("texts.yaml"),
                   java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("xx", Languages.load(config).listed().getLast().code(), "complete, it is listed");
    }

    private static List<String> gaps(Path languages, Path mail, List<String> codes) throws IOException {
        List<String> gaps = new ArrayList<>();
        Map<String, String> client = json(languages.resolve("nl/client.json"));
        Map<String, String> texts = flat(languages.resolve("nl/texts.yaml"));
        for (String code : codes) {
            Path folder = languages.resolve(code);
            compare(code, "client.json", client, folder.resolve("client.json"), true, gaps);
            compare(code, "texts.yaml", texts, folder.resolve("texts.yaml"), false, gaps);
            phases(code, folder.resolve("phases.yaml"), gaps);
            for (MailTemplate template : MailTemplate.values()) {
                for (String part : List.of("subject", "text", "html")) {
                    String name = template.folder() + "/" + code + "." + part + ".mustache";
                    Path file = mail.resolve(name);
                    Set<String> dutch = tags(Files.readString(mail.resolve(template.folder() + "/nl." + part
                                                                           + ".mustache")));
                    if (!Files.isRegularFile(file)) {
                        gaps.add(code + ": mail-templates/" + name + " is missing");
                    } else if (!tags(Files.readString(file)).equals(dutch)) {
                        gaps.add(code + ": mail-templates/" + name + " has tags " + tags(Files.readString(file))
                                 + " instead of " + dutch);
                    }
                }
            }
        }
        return gaps;
    }

    private static void compare(String code, String name, Map<String, String> dutch, Path file, boolean json,
                                List<String> gaps) throws IOException {
        if (!Files.isRegularFile(file)) {
            gaps.add(code + ": " + name + " is missing");
            return;
        }
        Map<String, String> own = json ? json(file) : flat(file);
        dutch.forEach((key, text) -> {
            if (!own.containsKey(key) || own.get(key).isBlank()) {
                gaps.add(code + ": " + name + " lacks " + key);
            } else if (!placeholders(text).equals(placeholders(own.get(key)))) {
                gaps.add(code + ": " + name + " " + key + " has " + placeholders(own.get(key)) + " instead of "
                         + placeholders(text));
            }
        });
        own.keySet().stream().filter(key -> !dutch.containsKey(key))
                .forEach(key -> gaps.add(code + ": " + name + " has a key Dutch does not: " + key));
    }

    private static void phases(String code, Path file, List<String> gaps) throws IOException {
        if (!Files.isRegularFile(file)) {
            gaps.add(code + ": phases.yaml is missing");
            return;
        }
        JsonNode phases = YAML.readTree(file.toFile());
        for (String phase : PHASES) {
            for (String field : FIELDS) {
                if (phases.path(phase).path(field).asText().isBlank()) {
                    gaps.add(code + ": phases.yaml lacks " + phase + "." + field);
                }
            }
        }
        if (phases.size() != PHASES.size()) {
            gaps.add(code + ": phases.yaml has " + phases.size() + " phases, not " + PHASES.size());
        }
    }

    private static List<String> codes(Path languages) throws IOException {
        List<String> codes = new ArrayList<>();
        YAML.readTree(languages.resolve("languages.yaml").toFile()).path("languages")
                .forEach(language -> codes.add(language.path("code").asText()));
        return codes;
    }

    private static Map<String, String> json(Path file) throws IOException {
        return strings(new ObjectMapper().readTree(file.toFile()));
    }

    private static Map<String, String> flat(Path file) throws IOException {
        return strings(YAML.readTree(file.toFile()));
    }

    private static Map<String, String> strings(JsonNode tree) {
        Map<String, String> entries = new TreeMap<>();
        tree.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asText()));
        return entries;
    }

    private static Set<String> placeholders(String text) {
        return matches(PLACEHOLDER, text.replaceAll("\\{\\{[^}]*}}", ""));
    }

    private static Set<String> tags(String text) {
        return matches(TAG, text);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).replaceAll("\\s", ""));
        }
        return found;
    }

    /** A languages.yaml in {@code folder} that lists the scratch language xx (not reviewed, written like English). */
    static void listScratch(Path folder) throws IOException {
        Files.writeString(folder.resolve("languages.yaml"), """
                languages:
                  - code: xx
                    name: Scratch
                    direction: ltr
                    locale: en-GB
                    reviewed: false
                """);
    }

    static Path copyOf(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }
}
