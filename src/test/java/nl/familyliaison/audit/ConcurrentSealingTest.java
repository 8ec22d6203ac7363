package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import nl.familyliaison.platform.Database;
import nl.familyliaison.support.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two service instances (two pools) on one database, each with its own sealer running, while many requests append at
 * once: still one chain, positions 1..N without a gap, every event sealed exactly once, and it verifies.
 */
class ConcurrentSealingTest {

    private static final int THREADS = 16;
    private static final int EVENTS_PER_THREAD = 150;

    private final ConcurrentLinkedQueue<LogRecord> problems = new ConcurrentLinkedQueue<>();
    private final Handler problemCatcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private AuditDatabase database;

    @BeforeEach
    void open() {
        database = AuditDatabase.create();
        Logger.getLogger(AuditSealer.class.getName()).addHandler(problemCatcher);
    }

    @AfterEach
    void close() {
        Logger.getLogger(AuditSealer.class.getName()).removeHandler(problemCatcher);
        database.close();
    }

    @Test
    void twoInstancesSealOneContiguousChain() throws Exception {
        Path headFile = TestFolders.fresh("audit-concurrent").resolve("chain-head.log");
        Instance first = new Instance(database.first(), headFile);
        Instance second = new Instance(database.another(), headFile);
        first.sealer().start();
        second.sealer().start();

        Set<String> appended = appendConcurrently(first, second);
        first.sealer().close();
        second.sealer().close();

        long total = (long) THREADS * EVENTS_PER_THREAD;
        assertEquals(total, appended.size());
        assertEquals(List.of(total, total, 1L, total),
                     List.of(database.count("SELECT COUNT(*) FROM audit_event WHERE chain_position IS NOT NULL"),
                             database.count("SELECT COUNT(DISTINCT chain_position) FROM audit_event"),
                             database.count("SELECT MIN(chain_position) FROM audit_event"),
                             database.count("SELECT MAX(chain_position) FROM audit_event")));
        assertEquals(appended, new HashSet<>(database.column("SELECT id FROM audit_event")));
        assertEquals(new Verification(true, total, 0, Optional.empty()), first.verifier().verify());
        assertTrue(problems.isEmpty(), () -> "a sealing run failed: " + problems.peek().getThrown());
        assertTrue(Files.readAllLines(headFile).size() >= total / first.batchSize(), "a head line per sealed batch");
    }

    private static Set<String> appendConcurrently(Instance first, Instance second) throws Exception {
        List<Future<List<String>>> results = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int thread = 0; thread < THREADS; thread++) {
                Instance instance = thread % 2 == 0 ? first : second;
                results.add(requests.submit(() -> appendSeries(instance)));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Future<List<String>> result : results) {
            ids.addAll(result.get());
        }
        return ids;
    }

    private static List<String> appendSeries(Instance instance) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < EVENTS_PER_THREAD; n++) {
            ids.add(instance.log().append(AuditEvents.numbered(n, Clock.systemUTC().instant())));
        }
        return ids;
    }

    /** What one service instance has: its own pool, log, sealer and verifier. */
    private record Instance(AuditLog log, AuditSealer sealer, AuditVerifier verifier, int batchSize) {
        Instance(Database database, Path headFile) {
            this(new AuditRepository(database.client()), headFile, 40);
        }

        private Instance(AuditRepository repository, Path headFile, int batchSize) {
            this(new AuditLog(repository, Clock.systemUTC()),
                 new AuditSealer(repository, new AuditSettings(Duration.ofMillis(5), headFile, batchSize),
                                 Clock.systemUTC()),
                 new AuditVerifier(repository, headFile),
                 batchSize);
        }
    }
}
