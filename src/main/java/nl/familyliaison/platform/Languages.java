package nl.familyliaison.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.config.Config;

/**
 * The languages the service speaks, as data: the list in {@code languages/languages.yaml} (the first is the default)
 * and each language's files in {@code languages/<code>/}. An extra folder ({@code languages.directory}) may add
 * languages with its own {@code languages.yaml} and folders, or replace a file of a listed language.
 */
public final class Languages {

    private static final String FOLDER = "languages/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One listed language: its code, its own name, its writing direction, its locale for dates and times. */
    public record Spoken(String code, String name, String direction, String locale, boolean reviewed) {
    }

    private final Map<String, Spoken> listed;
    private final Optional<Path> extra;

    private Languages(Map<String, Spoken> listed, Optional<Path> extra) {
        this.listed = listed;
        this.extra = extra;
    }

    /** The service's own languages, plus those of {@code languages.directory} when set. */
    public static Languages load(Config config) {
        Optional<Path> extra = config.get("languages.directory").asString().filter(dir -> !dir.isBlank())
                .map(Path::of);
        Map<String, Spoken> listed = new LinkedHashMap<>();
        read(resource(FOLDER + "languages.yaml").orElseThrow(
                () -> new IllegalStateException("No " + FOLDER + "languages.yaml on the class path")), listed);
        extra.map(dir -> dir.resolve("languages.yaml")).filter(Files::isRegularFile)
                .ifPresent(file -> read(readFile(file), listed));
        return new Languages(listed, extra);
    }

    /** In list order; the first is the default. */
    public List<Spoken> listed() {
        return List.copyOf(listed.values());
    }

    public Optional<Spoken> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(listed.get(code.toLowerCase(Locale.ROOT)));
    }

    /** The codes, in list order, as a person reads them in a problem: "nl, en". */
    public String codes() {
        return String.join(", ", listed.keySet());
    }

    /** The text of {@code languages/<code>/<name>}: the extra folder's copy first, else the service's own. */
    public Optional<String> file(String code, String name) {
        if (find(code).isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> own = extra.map(dir -> dir.resolve(code).resolve(name)).filter(Files::isRegularFile);
        return own.isPresent() ? own.map(Languages::readFile) : resource(FOLDER + code + "/" + name);
    }

    /** A YAML file of a language as a tree, or empty when the language has no such file. */
    public Optional<JsonNode> yaml(String code, String name) {
        return file(code, name).map(text -> {
            try {
                return YAML.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException(FOLDER + code + "/" + name + " is not valid YAML: "
                                                + e.getMessage(), e);
            }
        });
    }

    private static void read(String yaml, Map<String, Spoken> into) {
        try {
            List<Spoken> found = new ArrayList<>();
            for (JsonNode node : YAML.readTree(yaml).path("languages")) {
                found.add(new Spoken(node.path("code").asText().toLowerCase(Locale.ROOT), node.path("name").asText(),
                                     node.path("direction").asText("ltr"), node.path("locale").asText(),
                                     node.path("reviewed").asBoolean(false)));
            }
            found.forEach(language -> into.putIfAbsent(language.code(), language));
        } catch (IOException e) {
            throw new IllegalStateException("A languages.yaml is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = Languages.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
