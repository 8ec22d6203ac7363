package nl.familyliaison;

import java.time.Instant;
import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.Rows;

/** The statements of the benchmark peers ({@code statements/benchmark.yaml}). */
final class BenchmarkRepository {

    private final DbClient db;

    BenchmarkRepository(DbClient db) {
        this.db = db;
    }

    /** The thread the peer's rows go to, and the first position far above its messages. */
    record Thread(String id, String startedBy, long nextPosition) {
    }

    Thread thread() {
        return db.execute().namedGet("benchmark-thread")
                .map(row -> new Thread(Rows.text(row, "id"), Rows.text(row, "started_by"),
                                       Rows.number(row, "next_position")))
                .orElseThrow();
    }

    List<String> caseIds() {
        return db.execute().namedQuery("benchmark-case-ids").map(row -> Rows.text(row, "id")).toList();
    }

    long insertMessage(DbExecute tx, String id, Thread thread, long position, byte[] body, Instant now) {
        return tx.createNamedInsert("benchmark-message-insert")
                .addParam("id", id).addParam("threadId", thread.id())
                .addParam("position", position).addParam("authorId", thread.startedBy())
                .addParam("body", body).addParam("now", Rows.utc(now)).execute();
    }
}
