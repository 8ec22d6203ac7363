package nl.familyliaison;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.dbclient.DbClient;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Timeline;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Transactions;

/**
 * The floor each real route is measured against, served by the same process over the same pool: a route with no
 * database at all (p0), the timeline's own queries for a random case without session, authorization or audit (p1), and
 * one message-sized insert in its own transaction (p2). Registered only when {@code benchmark.peers} is true (the
 * benchmark command sets it); off by default, so a normal run never has these routes.
 */
final class BenchmarkPeers {

    private static final int MESSAGE_BYTES = 600;

    private final BenchmarkRepository repository;
    private final Transactions transactions;
    private final CaseRepository cases;
    private final Timeline timeline;
    private final Clock clock;
    private volatile List<String> caseIds;
    private volatile BenchmarkRepository.Thread thread;
    private final AtomicLong position = new AtomicLong(-1);
    private final byte[] body = new byte[MESSAGE_BYTES];

    BenchmarkPeers(DbClient db, CaseRepository cases, Timeline timeline, Clock clock) {
        this.repository = new BenchmarkRepository(db);
        this.transactions = new Transactions(db);
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
        new SecureRandom().nextBytes(body);
    }

    void routes(HttpRouting.Builder routing) {
        routing.get("/benchmark/p0", (request, response) -> response.send("ok"))
                .get("/benchmark/p1", this::timeline)
                .post("/benchmark/p2", this::insert);
    }

    /** Once, before the first insert: the thread the rows go to, and positions far above its messages. */
    private synchronized void chooseThread() {
        if (thread == null) {
            BenchmarkRepository.Thread chosen = repository.thread();
            position.compareAndSet(-1, chosen.nextPosition());
            thread = chosen;
        }
    }

    private void timeline(ServerRequest request, ServerResponse response) {
        if (caseIds == null) {
            caseIds = repository.caseIds();
        }
        String id = caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size()));
        cases.byId(id).orElseThrow();
        response.send(String.valueOf(timeline.entries(id).size()));
    }

    private void insert(ServerRequest request, ServerResponse response) {
        if (thread == null) {
            chooseThread();
        }
        transactions.inTransaction(tx -> repository.insertMessage(tx, Ids.newId(), thread, position.getAndIncrement(),
                                                                  body, clock.instant()));
        response.status(Status.CREATED_201).send();
    }
}
