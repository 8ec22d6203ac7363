package nl.familyliaison.cases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Language;

/** Reads the standard phases. */
public final class PhaseRepository {

    private final DbClient db;
    private final Map<Language, List<Phase>> read = new ConcurrentHashMap<>();

    public PhaseRepository(DbClient db) {
        this.db = db;
    }

    /**
     * The phases in one language. Only migrations write them, and those run before the service takes requests, so
     * each language is read once and kept (every timeline and dashboard shows them).
     */
    public List<Phase> all(Language language) {
        return read.computeIfAbsent(language, it -> db.execute()
                .namedQuery("phase-select-all", it.code())
                .map(PhaseRepository::phase)
                .toList());
    }

    /** The codes of the standard phases, in order. */
    public List<String> codes() {
        return all(Language.NL).stream().map(Phase::code).toList();
    }

    /** The title of one phase in a language. */
    public String titleOf(String code, Language language) {
        return all(language).stream().filter(phase -> phase.code().equals(code)).map(Phase::title).findFirst()
                .orElse(code);
    }

    private static Phase phase(DbRow row) {
        return new Phase(row.column("code").getString(),
                         row.column("position").getInt(),
                         row.column("language").getString(),
                         row.column("title").getString(),
                         row.column("what_happens").getString(),
                         row.column("usual_duration").getString(),
                         row.column("what_you_can_do").getString());
    }
}
