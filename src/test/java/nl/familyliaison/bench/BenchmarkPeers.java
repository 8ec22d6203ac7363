package nl.familyliaison.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.UpdateRepository;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;
import nl.familyliaison.platform.Transactions;

/**
 * The floor each real route is measured against, served by the same process over the same pool: a route with no
 * database at all (p0), the timeline's own queries for a random case without session, authorization or audit (p1), and
 * one message-sized insert in its own transaction (p2). Registered as public {@link ApiRoutes} routes, only by
 * {@link BenchmarkService}; the service itself has no such routes.
 *
 * <p>The peers' own SQL is written here rather than in a statements file: a file on the test class path would join
 * the configuration of every test service, while these statements belong to the benchmark's process only.
 */
final class BenchmarkPeers {

    private static final int MESSAGE_BYTES = 600;
    private static final String CASE_IDS = "SELECT id FROM investigation LIMIT 20000";
    private static final String THREAD = "SELECT id, started_by, last_position + 1000000 AS next_position"
                                         + " FROM message_thread ORDER BY id LIMIT 1";
    private static final String MESSAGE_INSERT = "INSERT INTO message"
            + " (id, thread_id, position, author_id, body_key_id, body, posted_at)"
            + " VALUES (:id, :threadId, :position, :authorId, 'benchmark', :body, :now)";

    /** What the peers use of the running service; known only once it has started, after the routes are registered. */
    private record Service(DbClient db, Transactions transactions, CaseRepository cases, UpdateRepository updates) {
    }

    private final CompletableFuture<Service> service = new CompletableFuture<>();
    private final Clock clock;
    private volatile List<String> caseIds;
    private volatile DbRow thread;
    private final AtomicLong position = new AtomicLong(-1);
    private final byte[] body = new byte[MESSAGE_BYTES];

    BenchmarkPeers(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(body);
    }

    /** The hook {@code Main.start} calls with the service's routes, as tests register theirs. */
    void routes(ApiRoutes routes) {
        routes.get("/benchmark/p0", ApiRoutes.PUBLIC, (request, response) -> response.send("ok"))
                .get("/benchmark/p1", ApiRoutes.PUBLIC, this::timeline)
                .post("/benchmark/p2", ApiRoutes.PUBLIC, this::insert);
    }

    /** The started service's pool; the timeline's repositories read with its keys, as the service's own do. */
    void bind(DbClient db, KeyRing keys) {
        service.complete(new Service(db, new Transactions(db), new CaseRepository(db), new UpdateRepository(db, keys)));
    }

    /** Once, before the first insert: the thread the rows go to, and positions far above its messages. */
    private synchronized void chooseThread(DbClient db) {
        if (thread == null) {
            DbRow chosen = db.execute().get(THREAD).orElseThrow();
            position.compareAndSet(-1, Rows.number(chosen, "next_position"));
            thread = chosen;
        }
    }

    /** The queries {@code Timeline.entries} runs for a case, and its answer: the number of entries (not corrections). */
    private void timeline(ServerRequest request, ServerResponse response) {
        Service running = service.join();
        if (caseIds == null) {
            caseIds = running.db().execute().query(CASE_IDS).map(row -> Rows.text(row, "id")).toList();
        }
        String id = caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()));
        running.cases().byId(id).orElseThrow();
        long entries = running.updates().ofCase(id).stream().filter(update -> !update.isCorrection()).count();
        response.send(String.valueOf(entries));
    }

    private void insert(ServerRequest request, ServerResponse response) {
        Service running = service.join();
        if (thread == null) {
            chooseThread(running.db());
        }
        running.transactions().inTransaction(tx -> tx.createInsert(MESSAGE_INSERT)
                .addParam("id", Ids.newId()).addParam("threadId", Rows.text(thread, "id"))
                .addParam("position", position.getAndIncrement()).addParam("authorId", Rows.text(thread, "started_by"))
                .addParam("body", body).addParam("now", Rows.utc(clock.instant())).execute());
        response.status(Status.CREATED_201).send();
    }
}
