package nl.familyliaison.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The languages of {@code languages/languages.yaml}, as the browser tests go through them. */
final class TourLanguages {

    private static final Path LANGUAGES = Path.of("src", "main", "resources", "languages");

    /** One listed language. */
    record Listed(String code, String name, String direction, boolean reviewed) {
    }

    private TourLanguages() {
    }

    /** Every listed language, in list order. */
    static List<Listed> listed() {
        try {
            JsonNode list = new ObjectMapper(new YAMLFactory())
                    .readTree(Files.readString(LANGUAGES.resolve("languages.yaml"))).path("languages");
            List<Listed> found = new ArrayList<>();
            list.forEach(entry -> found.add(new Listed(entry.path("code").asText(), entry.path("name").asText(),
                                                       entry.path("direction").asText("ltr"),
                                                       entry.path("reviewed").asBoolean())));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The listed languages whose client texts are there (a language's texts may arrive after its entry). */
    static List<Listed> withClientTexts() {
        return listed().stream().filter(language -> Files.isRegularFile(
                LANGUAGES.resolve(language.code()).resolve("client.json"))).toList();
    }
}
