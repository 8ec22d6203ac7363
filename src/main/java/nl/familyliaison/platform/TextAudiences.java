package nl.familyliaison.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Which client texts go to whom ({@code languages/audiences.yaml}): key prefixes listed under {@code staff} or
 * {@code admin} are sent only in that audience's extra file; every other prefix is common, sent to everyone. One
 * {@code client.json} per language stays the translators' file; this only splits what is sent.
 */
final class TextAudiences {

    /** The audiences with an extra file, as named in the file and in its address ({@code /i18n/nl-staff.json}). */
    static final List<String> EXTRA = List.of("staff", "admin");
    /** Everyone, signed in or not: the texts of every prefix not listed. */
    static final String COMMON = "common";
    private static final String FILE = "languages/audiences.yaml";

    private final Map<String, Set<String>> prefixes;

    private TextAudiences(Map<String, Set<String>> prefixes) {
        this.prefixes = prefixes;
    }

    /** The service's own audiences file; a missing one makes every text common. */
    static TextAudiences load() {
        try (InputStream in = TextAudiences.class.getClassLoader().getResourceAsStream(FILE)) {
            JsonNode tree = in == null ? null : new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Set<String>> prefixes = new LinkedHashMap<>();
            for (String audience : EXTRA) {
                Set<String> listed = new TreeSet<>();
                Optional.ofNullable(tree).map(it -> it.path(audience)).ifPresent(list -> list.forEach(
                        prefix -> listed.add(prefix.asText())));
                prefixes.put(audience, Set.copyOf(listed));
            }
            return new TextAudiences(Map.copyOf(prefixes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    /**
     * The texts of {@code all} (a language's client texts, key → text) that go in {@code audience}'s file: for
     * "common" those of no listed prefix, for "staff" or "admin" those of its prefixes.
     */
    ObjectNode part(JsonNode all, String audience) {
        ObjectNode part = Json.mapper().createObjectNode();
        all.properties().stream().filter(entry -> sentTo(prefix(entry.getKey()), audience))
                .forEach(entry -> part.set(entry.getKey(), entry.getValue()));
        return part;
    }

    private boolean sentTo(String prefix, String audience) {
        return audience.equals(COMMON) ? prefixes.values().stream().noneMatch(listed -> listed.contains(prefix))
                : prefixes.getOrDefault(audience, Set.of()).contains(prefix);
    }

    private static String prefix(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
