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
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

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
    private final List<Language> mailHint;
    private final Map<String, Texts> texts = new ConcurrentHashMap<>();

    private Languages(Map<String, Spoken> listed, Optional<Path> extra, List<Language> mailHint) {
        this.listed = listed;
        this.extra = extra;
        this.mailHint = mailHint;
    }

    /**
     * The languages of the one-line hint at the top of a mail written in another language (languages.yaml
     * {@code mail-hint}: Dutch and English), in that order.
     */
    public List<Language> mailHintLanguages() {
        return mailHint;
    }

    /** The registry the language filter put on this request. */
    static Languages of(ServerRequest request) {
        return request.context().get(Languages.class, Languages.class)
                .orElseThrow(() -> new IllegalStateException("No language list on this request"));
    }

    /** Puts this registry on every request, for {@link Language#of} and {@link Texts#of}. */
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        request.context().register(Languages.class, this);
        chain.proceed();
    }

    /** The default language: the first in the list. */
    public Language standard() {
        return new Language(listed.keySet().iterator().next());
    }

    /**
     * A language code from a request.
     *
     * @param field the field or parameter it came in, named in the problem
     * @throws ProblemException 400 naming {@code field} and the codes the service takes
     */
    public Language parse(String field, String code) {
        return find(code).map(spoken -> new Language(spoken.code())).orElseThrow(() -> ProblemException.invalid(
                field, "Choose one of the languages of GET /api/languages: " + codes() + "."));
    }

    /** A code stored earlier, or the default when it is no longer listed. */
    public Language stored(String code) {
        return find(code).map(spoken -> new Language(spoken.code())).orElse(standard());
    }

    /** The {@code lang} parameter when given (checked), else the best listed one in Accept-Language, else default. */
    Language chosen(ServerRequest request) {
        Optional<String> asked = request.query().first("lang").asOptional();
        if (asked.isPresent()) {
            return parse("lang", asked.get());
        }
        return request.headers().first(HeaderNames.ACCEPT_LANGUAGE).stream()
                .flatMap(header -> AcceptLanguage.preferred(header).stream())
                .flatMap(code -> find(code).stream())
                .map(spoken -> new Language(spoken.code()))
                .findFirst().orElse(standard());
    }

    /** The server's own texts in {@code language} (the default's for a language no longer listed). */
    public Texts texts(Language language) {
        Language known = stored(language.code());
        Spoken spoken = find(known.code()).orElseThrow();
        return texts.computeIfAbsent(known.code(), code -> new Texts(
                known, Locale.forLanguageTag(spoken.locale()), spoken.direction(), flat(code, "texts.yaml")));
    }

    /** The phase texts of a language: phase code → field → text, from {@code phases.yaml}. */
    public Map<String, Map<String, String>> phases(Language language) {
        Language known = stored(language.code());
        Map<String, Map<String, String>> phases = new LinkedHashMap<>();
        yaml(known.code(), "phases.yaml").orElseThrow().properties().forEach(phase -> {
            Map<String, String> fields = new LinkedHashMap<>();
            phase.getValue().properties().forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
            phases.put(phase.getKey(), fields);
        });
        return phases;
    }

    private Map<String, String> flat(String code, String name) {
        Map<String, String> entries = new LinkedHashMap<>();
        yaml(code, name).orElseThrow().properties()
                .forEach(entry -> entries.put(entry.getKey(), entry.getValue().asText()));
        return Map.copyOf(entries);
    }

    /**
     * The service's own languages, plus those of {@code languages.directory} when set, each checked complete.
     *
     * @throws IllegalStateException naming the language and the file or key, when a listed language lacks one
     */
    public static Languages load(Config config) {
        Optional<Path> extra = config.get("languages.directory").asString().filter(dir -> !dir.isBlank())
                .map(Path::of);
        Map<String, Spoken> listed = new LinkedHashMap<>();
        JsonNode own = tree(resource(FOLDER + "languages.yaml").orElseThrow(
                () -> new IllegalStateException("No " + FOLDER + "languages.yaml on the class path")), "languages.yaml");
        read(own, listed);
        extra.map(dir -> dir.resolve("languages.yaml")).filter(Files::isRegularFile)
                .ifPresent(file -> read(tree(readFile(file), file.toString()), listed));
        List<Language> hint = new ArrayList<>();
        own.path("mail-hint").forEach(code -> hint.add(new Language(code.asText())));
        Languages languages = new Languages(listed, extra, List.copyOf(hint));
        List<String> gaps = new LanguageCheck(languages).gaps();
        if (!gaps.isEmpty()) {
            throw new IllegalStateException("A listed language is not complete, so pages would show raw keys: "
                                            + String.join("; ", gaps));
        }
        return languages;
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
        return file(code, name).map(text -> tree(text, FOLDER + code + "/" + name));
    }

    private static void read(JsonNode tree, Map<String, Spoken> into) {
        for (JsonNode node : tree.path("languages")) {
            String code = node.path("code").asText();
            String direction = node.path("direction").asText("ltr");
            if (!Language.CODE.matcher(code).matches() || !List.of("ltr", "rtl").contains(direction)
                || node.path("locale").asText().isBlank() || node.path("name").asText().isBlank()) {
                throw new IllegalStateException("A language in languages.yaml needs a code of two lower-case letters,"
                                                + " a name, direction ltr or rtl and a locale: " + node);
            }
            into.putIfAbsent(code, new Spoken(code, node.path("name").asText(), direction,
                                              node.path("locale").asText(), node.path("reviewed").asBoolean(false)));
        }
    }

    private static JsonNode tree(String yaml, String name) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not valid YAML: " + e.getMessage(), e);
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
