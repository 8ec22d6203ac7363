package nl.familyliaison.retention;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.helidon.dbclient.DbExecute;

/**
 * One kind of case content that retention purges, provided by the feature that owns it (wired in Features).
 *
 * @param kind  what it is, for the report: {@code messages}, {@code updates}, …
 * @param count how many of it a case has (for a dry run and for the log)
 * @param purge deletes it for a case inside the transaction; returns how many there were
 */
record Purgeable(String kind, Function<String, Long> count, BiFunction<DbExecute, String, Long> purge) {

    /** Content whose deletion says nothing of how much went: counted just before it is deleted. */
    static Purgeable counted(String kind, Function<String, Long> count, BiConsumer<DbExecute, String> delete) {
        return new Purgeable(kind, count, (tx, caseId) -> {
            long before = count.apply(caseId);
            delete.accept(tx, caseId);
            return before;
        });
    }
}
