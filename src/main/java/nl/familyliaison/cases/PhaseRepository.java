package nl.familyliaison.cases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Languages;

/** Reads the standard phases: their codes and order from the database, their texts from each language's files. */
public final class PhaseRepository {

    private final DbClient db;
    private final Languages languages;
    private final Map<Language, List<Phase>> read = new ConcurrentHashMap<>();
    private volatile List<Standard> standard;

    /** A phase as the database knows it: its code and place. */
    private record Standard(String code, int position) {
    }

    public PhaseRepository(DbClient db, Languages languages) {
        this.db = db;
        this.languages = languages;
    }

    /**
     * The phases in one language. Only migrations write the phases, and those run before the service takes
     * requests, so each language is read once and kept (every timeline and dashboard shows them).
     */
    public List<Phase> all(Language language) {
        return read.computeIfAbsent(languages.stored(language.code()), it -> {
            Map<String, Map<String, String>> texts = languages.phases(it);
            return standard().stream().map(phase -> {
                Map<String, String> text = texts.getOrDefault(phase.code(), Map.of());
                return new Phase(phase.code(), phase.position(), it.code(), text.getOrDefault("title", phase.code()),
                                 text.getOrDefault("whatHappens", ""), text.getOrDefault("usualDuration", ""),
                                 text.getOrDefault("whatYouCanDo", ""));
            }).toList();
        });
    }

    /** The codes of the standard phases, in order. */
    public List<String> codes() {
        return standard().stream().map(Standard::code).toList();
    }

    private List<Standard> standard() {
        if (standard == null) {
            standard = db.execute().namedQuery("phase-select-all")
                    .map(row -> new Standard(row.column("code").getString(), row.column("position").getInt()))
                    .toList();
        }
        return standard;
    }

    /** The title of one phase in a language. */
    public String titleOf(String code, Language language) {
        return all(language).stream().filter(phase -> phase.code().equals(code)).map(Phase::title).findFirst()
                .orElse(code);
    }
}
