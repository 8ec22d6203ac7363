package nl.familyliaison.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Every Dutch text people read, straight from the files: client texts, phases, server texts and mail templates. */
final class DutchTexts {

    static final Path LANGUAGE = Path.of("src", "main", "resources", "languages", "nl");
    static final Path CLIENT = LANGUAGE.resolve("client.json");
    static final Path PHASES = LANGUAGE.resolve("phases.yaml");
    static final Path SERVER = LANGUAGE.resolve("texts.yaml");
    static final Path MAILS = Path.of("mail-templates");

    /** Mustache sections, comments and partials: they render no words of their own. */
    private static final Pattern MUSTACHE_BLOCK = Pattern.compile("\\{\\{[#^/!>][^}]*}}");
    private static final Pattern BLOCKS = Pattern.compile("p|li|h[1-6]|td|th|tr|div|blockquote|ul|ol|table");

    private DutchTexts() {
    }

    /** One text: its file, where in the file (a key, or null for a whole mail template), and the text. */
    record Text(Path file, String key, String text) {
    }

    static List<Text> all() {
        List<Text> texts = new ArrayList<>();
        flat(CLIENT, readJson(CLIENT), texts);
        flat(SERVER, readYaml(SERVER), texts);
        phases(texts);
        mails(texts);
        return texts;
    }

    private static void phases(List<Text> texts) {
        Map<String, Map<String, String>> phases = readYaml(PHASES);
        phases.forEach((phase, fields) -> fields.forEach(
                (field, text) -> texts.add(new Text(PHASES, phase + "." + field, text))));
    }

    private static void mails(List<Text> texts) {
        try (Stream<Path> files = Files.walk(MAILS)) {
            for (Path file : files.filter(DutchTexts::isDutchTemplate).sorted().toList()) {
                String template = MUSTACHE_BLOCK.matcher(Files.readString(file)).replaceAll("");
                texts.add(new Text(file, null, file.toString().endsWith(".html.mustache") ? html(template) : template));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a sentence of a text stands: its key, or for a mail template the line it starts on. */
    static String where(Text text, String sentence) {
        if (text.key() != null) {
            return "key " + text.key();
        }
        try {
            String content = Files.readString(text.file());
            List<String> words = List.of(sentence.split(" "));
            for (int count = Math.min(3, words.size()); count > 0; count--) {
                List<String> quoted = words.subList(0, count).stream().map(Pattern::quote).toList();
                Matcher found = Pattern.compile(String.join("\\s+", quoted)).matcher(content);
                if (found.find()) {
                    return "line " + (content.substring(0, found.start()).lines().count() + 1);
                }
            }
            return "somewhere";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of an HTML mail, with an empty line between blocks (paragraphs, list items, cells). */
    static String html(String template) {
        Document page = Jsoup.parse(template);
        page.select("br").after("\n");
        page.body().select("*").stream().filter(element -> BLOCKS.matcher(element.tagName()).matches())
                .forEach(element -> element.before("\n\n").after("\n\n"));
        return page.body().wholeText();
    }

    private static boolean isDutchTemplate(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("nl.") && name.endsWith(".mustache");
    }

    private static void flat(Path file, Map<String, String> texts, List<Text> into) {
        texts.forEach((key, text) -> into.add(new Text(file, key, text)));
    }

    private static <T> T readJson(Path file) {
        return read(new ObjectMapper(), file);
    }

    private static <T> T readYaml(Path file) {
        return read(new ObjectMapper(new YAMLFactory()), file);
    }

    private static <T> T read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readValue(Files.readString(file), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
