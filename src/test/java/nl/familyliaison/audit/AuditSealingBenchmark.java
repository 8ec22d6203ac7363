package nl.familyliaison.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.logging.common.LogConfig;
import nl.familyliaison.support.TestFolders;

/**
 * Does sealing keep up with the request path? Appends many events from many virtual threads, as requests would, while
 * one sealer runs with the default settings, and prints appends/s, seals/s and the largest backlog of pending events
 * seen. A measurement, not a test: it asserts nothing.
 *
 * <pre>
 * mvn -q test-compile exec:exec -Dexec.classpathScope=test -DmainClass=nl.familyliaison.audit.AuditSealingBenchmark
 * </pre>
 *
 * Optional arguments, after {@code -Dexec.args="-classpath %classpath nl.familyliaison.audit.AuditSealingBenchmark"}:
 * events per run (50000), thread counts (16,64), pool size (the service default, 12).
 */
public final class AuditSealingBenchmark {

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    // Held, because a logger nobody refers to may be collected and lose its level.
    private static final Logger SEALER_LOG = Logger.getLogger(AuditSealer.class.getName());

    private AuditSealingBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        // Maven passes the -Dcli words as one argument (or an empty one): split them here.
        String[] args = Arrays.stream(String.join(" ", given).trim().split("\\s+")).filter(it -> !it.isBlank())
                .toArray(String[]::new);
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<Integer> threadCounts = Arrays.stream(args.length > 1 ? args[1].split(",") : new String[] {"16", "64"})
                .map(Integer::valueOf).toList();
        Map<String, String> pool = args.length > 2 ? Map.of("db.pool.size", args[2]) : Map.of();
        LogConfig.configureRuntime();
        // One INFO line per sealed batch would drown the figures.
        SEALER_LOG.setLevel(Level.WARNING);
        try (AuditDatabase database = AuditDatabase.create(pool)) {
            for (int threads : threadCounts) {
                database.reset();
                System.out.println(run(database, events, threads));
            }
        }
        System.exit(0);
    }

    private static String run(AuditDatabase database, int events, int threads) throws Exception {
        AuditRepository repository = new AuditRepository(database.first().client());
        AuditLog log = new AuditLog(repository, Clock.systemUTC());
        Path headFile = TestFolders.fresh("audit-benchmark").resolve("chain-head.log");
        AuditSettings settings = new AuditSettings(AuditSettings.DEFAULT_SEAL_INTERVAL, headFile,
                                                   AuditSettings.DEFAULT_BATCH_SIZE);
        AtomicLong maxPending = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> sample(repository, maxPending, sampling));

        long started = System.nanoTime();
        long failed;
        long appended;
        long pendingWhenAppendsEnded;
        // As in the service: the sealer works on the background pool, apart from the appending requests.
        AuditRepository background = new AuditRepository(database.first().backgroundClient());
        try (AuditSealer sealer = new AuditSealer(background, settings, Clock.systemUTC())) {
            sealer.start();
            failed = append(log, events, threads);
            appended = System.nanoTime();
            pendingWhenAppendsEnded = repository.countPending();
            while (repository.countPending() > 0) {
                Thread.sleep(SAMPLE_EVERY);
            }
        }
        long drained = System.nanoTime();
        sampling.set(false);
        sampler.join();

        long verifyStarted = System.nanoTime();
        Verification verification = new AuditVerifier(repository, headFile).verify();
        long verified = System.nanoTime();
        long stored = events - failed;
        return String.format(
                "threads=%d events=%d (failed appends: %d) | appends/s=%.0f (%.1f s) | seals/s=%.0f overall,"
                + " %d sealed while appending, last sealed %.1f s after the last append"
                + " | max pending=%d, pending when appends ended=%d | verify %s: %d events in %.1f s",
                threads, events, failed, stored / seconds(started, appended), seconds(started, appended),
                stored / seconds(started, drained), stored - pendingWhenAppendsEnded, seconds(appended, drained),
                Math.max(maxPending.get(), pendingWhenAppendsEnded), pendingWhenAppendsEnded,
                verification.ok() ? "ok" : "BROKEN " + verification.firstBreak(), verification.checked(),
                seconds(verifyStarted, verified));
    }

    /** Appends {@code events} from {@code threads} virtual threads; the answer is how many appends failed. */
    private static long append(AuditLog log, int events, int threads) {
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int thread = 0; thread < threads; thread++) {
                requests.submit(() -> {
                    for (long n = next.getAndIncrement(); n < events; n = next.getAndIncrement()) {
                        try {
                            log.append(AuditEvents.numbered((int) n, Clock.systemUTC().instant()));
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        return failed.get();
    }

    private static void sample(AuditRepository repository, AtomicLong maxPending, AtomicBoolean sampling) {
        while (sampling.get()) {
            try {
                maxPending.accumulateAndGet(repository.countPending(), Math::max);
                Thread.sleep(SAMPLE_EVERY);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The pool was busy for longer than its timeout: skip this sample.
            }
        }
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
