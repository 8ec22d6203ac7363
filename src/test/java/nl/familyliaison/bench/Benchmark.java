package nl.familyliaison.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.util.GreenMail;
import io.helidon.logging.common.LogConfig;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.MessageFixture;
import nl.familyliaison.platform.EmbeddedMariaDb;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.ServiceProcess;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;

/**
 * The benchmark command (not a test): {@code mvn -q test-compile exec:exec -Pbenchmark [-Dcli="--large --seconds=10"]}.
 * Runs the service as its own process on a MariaDB outside it, seeds a data set, drives load over loopback and prints
 * the figures BENCHMARKS.md asks for. See BENCHMARKS.md for what each line means.
 */
public final class Benchmark {

    private static final int[] CLIENTS = {16, 64};
    private static final List<String> RAISED_LIMITS = List.of(
            "rate-limits.api-client.capacity=1000000000", "rate-limits.message-post-account.capacity=1000000000");

    /** The JVM options README recommends for the service (also in the pom's run command). */
    static final List<String> SERVICE_JVM_OPTIONS = List.of(System.getProperty("bench.jvm",
            "-XX:+UseSerialGC -Xms64m -Xmx160m -Xss512k -XX:ReservedCodeCacheSize=64m"
            + " -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=target/benchmark-service.jsa").split(" "));

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        LogConfig.configureRuntime();
        List<String> words = List.of(String.join(" ", args).trim().split("\\s+"));
        DataSet data = words.contains("--large") ? DataSet.LARGE : DataSet.SMALL;
        Duration measured = Duration.ofSeconds(number(words, "--seconds=", 5));
        Duration warmUp = Duration.ofSeconds(2);
        // --only=p1,r1 measures just those rows (nm: the notifications); --jfr records the service with Flight
        // Recorder.
        List<String> only = words.stream().filter(w -> w.startsWith("--only=")).findFirst()
                .map(w -> List.of(w.substring(7).split(","))).orElse(List.of());
        List<String> out = new ArrayList<>();
        out.add("data set: " + data + ", " + Runtime.getRuntime().availableProcessors() + " cores, load from "
                + WrkRun.installed().map(wrk -> "wrk (2 threads)").orElse("the Java load generator"));
        out.add("each row: " + warmUp.toSeconds() + " s warm-up, then " + RUNS + " runs of " + measured.toSeconds()
                + " s measured (each after " + RAMP.toSeconds() + " s ramp-up, and only once the outbox has no due"
                + " mail and every audit event is sealed); figures are the median of the " + RUNS
                + " runs, errors those of all " + RUNS);

        EmbeddedMariaDb database = TestDatabase.privateServer("bench-mariadb");
        int smtpPort = Ports.free();
        GreenMail smtp = TestMail.ownServer(smtpPort);
        try {
            String url = database.createDatabase("bench");
            // A server sized for the growth run's few gigabytes (MariaDB's default buffer pool is 128 MB); commits
            // stay durable (innodb_flush_log_at_trx_commit = 1).
            execute(url, "SET GLOBAL innodb_buffer_pool_size = " + (1L << 30));
            Fixture fixture = Fixture.make(url);

            Map<String, String> environment = Map.of(
                    "FL_DB_URL", url, "FL_DB_USER", "root", "FL_DB_PASSWORD", TestDatabase.password(),
                    "FL_CRYPTO_KEYS", ServiceProcess.testKeys(),
                    "FL_DATA_DIR", TestFolders.fresh("bench-data").toString(),
                    "FL_SMTP_HOST", "127.0.0.1", "FL_SMTP_PORT", String.valueOf(smtpPort), "FL_SMTP_TRANSPORT", "SMTP");
            List<String> properties = new ArrayList<>(RAISED_LIMITS);
            properties.addAll(SERVICE_JVM_OPTIONS);
            properties.add("notify.delivery.poll-interval=PT0.1S");
            // --set=key=value changes a service setting for this run (to try a setting before making it the default).
            words.stream().filter(w -> w.startsWith("--set=")).map(w -> w.substring(6)).forEach(properties::add);
            if (words.contains("--jfr")) {
                properties.add("-XX:StartFlightRecording=filename=target/benchmark.jfr,settings=profile");
            }
            Path logs = TestFolders.fresh("bench-logs");
            Launch launch = new Launch(properties, System.getProperty("java.class.path"));
            if (words.contains("--jars") || words.contains("--aot")) {
                launch = new Launch(properties, JarClassPath.of(launch.classPath(), Path.of("target", "bench-jars")));
            }
            if (words.contains("--aot")) {
                launch = train(launch, logs, environment, fixture, out);
            }
            Setup setup = new Setup(url, smtp, fixture, logs, environment, launch, warmUp, measured, only);
            if (words.contains("--soak")) {
                data.seed(url, fixture.staffId());
                DataSet.settle(url);
                out.addAll(Soak.run(Duration.ofMinutes(number(words, "--minutes=", 30)), setup));
            } else {
                measureAll(setup, data, out);
            }
        } finally {
            smtp.stop();
            database.close();
        }
        out.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark.txt"), out);
        System.exit(0);
    }

    /** What a run needs: the database, the SMTP server, the people, the service's launch and the row settings. */
    record Setup(String url, GreenMail smtp, Fixture fixture, Path logs, Map<String, String> environment,
                 Launch launch, Duration warmUp, Duration measured, List<String> only) {
    }

    /** The starts, r1 and r3 on the small database, the seeding, every row, the mail burst and the goals. */
    private static void measureAll(Setup setup, DataSet data, List<String> out) throws Exception {
        String url = setup.url();
        Fixture fixture = setup.fixture();
        Path logs = setup.logs();
        Map<String, String> environment = setup.environment();
        Launch launch = setup.launch();
        Duration warmUp = setup.warmUp();
        Duration measured = setup.measured();
        List<String> only = setup.only();
        LoadRun.Result smallR1 = null;
        LoadRun.Result smallR3 = null;
        double startEmpty = startsEmpty(launch, logs, environment, out);
        if (only.equals(List.of("st"))) {
            return;
        }
        try (Started empty = Started.launch(logs.resolve("empty.log"), environment, launch)) {
            Rows rows = new Rows(url, empty.probe(url), warmUp, measured);
            // The same JIT warm-up as the seeded run gets from the rows measured before its r1.
            once("r1 small (warm-up)", 16, warmUp, measured.multipliedBy(3), fixture.r1(empty.base()), 200,
                 empty.probe(url));
            if (only.isEmpty() || only.contains("r1")) {
                smallR1 = rows.measure("r1 small", 16, fixture.r1(empty.base()), 200);
            }
            if (only.isEmpty() || only.contains("r3")) {
                smallR3 = rows.measure("r3 small", 16, fixture.r3(empty.base()), 200);
            }
        }
        Instant seedStart = Instant.now();
        data.seed(url, fixture.staffId());
        out.add("seeded in " + Duration.between(seedStart, Instant.now()).toSeconds() + " s");
        out.add("database settled after seeding in " + DataSet.settle(url).toSeconds() + " s");

        try (Started service = Started.launch(logs.resolve("loaded.log"), environment, launch)) {
            out.add(String.format("start-to-ready (external MariaDB, seeded database, %s): %.2f s",
                                  launch.describe(), service.startSeconds()));
            URI base = service.base();
            Rows rows = new Rows(url, service.probe(url), warmUp, measured);
            AtomicLong maxRss = new AtomicLong();
            List<LoadRun.Result> results = new ArrayList<>();
            for (int clients : CLIENTS) {
                for (Map.Entry<String, List<Target>> peer : List.of(
                        Map.entry("pb bare route", List.of(Target.get(service.bareBase(), BarePeer.PATH))),
                        Map.entry("p0 plain route", List.of(Target.get(base, "/benchmark/p0"))),
                        Map.entry("p1 timeline SQL", List.of(Target.get(base, "/benchmark/p1"))),
                        Map.entry("p2 one-row insert", List.of(Target.post(base, "/benchmark/p2", null)
                                .with("X-CSRF-Token", "bench"))),
                        Map.entry("r1 member timeline", fixture.r1(base)),
                        Map.entry("r2 member posts", fixture.r2(base)),
                        Map.entry("r3 inspector dashboard", fixture.r3(base)))) {
                    if (!only.isEmpty() && !only.contains(peer.getKey().substring(0, 2))) {
                        continue;
                    }
                    int expected = peer.getKey().startsWith("p2") || peer.getKey().startsWith("r2") ? 201 : 200;
                    results.add(service.sampleRss(maxRss, () -> rows.measure(
                            peer.getKey(), clients, peer.getValue(), expected)));
                }
            }
            out.add(HEADER);
            results.forEach(result -> out.add(line(result)));
            java.util.stream.Stream.of(smallR1, smallR3).filter(java.util.Objects::nonNull)
                    .forEach(small -> out.add(line(small)));
            out.add(String.format("service RSS under load: %d MB at most", maxRss.get() / 1024));
            Notifications.Burst mail = null;
            if (only.isEmpty() || only.contains("nm")) {
                Background.awaitDone(url);
                mail = Notifications.measure(url, setup.smtp(), 2000);
                out.add(mail.toString());
            }
            out.addAll(Goals.judge(new Goals.Figures(results, smallR1, smallR3, startEmpty,
                                                     service.startSeconds(), maxRss.get(), mail)));
        }
    }

    /** How the service's JVM is started: its options and its class path. */
    record Launch(List<String> options, String classPath) {

        static final Path AOT_CACHE = Path.of("target", "benchmark-service.aot");

        /** The same without the class archive (the ahead-of-time cache replaces it), with {@code more} added. */
        Launch withoutArchive(String more) {
            List<String> changed = new ArrayList<>(options.stream()
                    .filter(o -> !o.contains("SharedArchive")).toList());
            changed.add(more);
            return new Launch(changed, classPath);
        }

        String describe() {
            String path = classPath.contains("bench-jars") ? "class path of jars" : "class path with class folders";
            if (options.stream().anyMatch(o -> o.startsWith("-XX:AOTCache="))) {
                return "ahead-of-time cache, " + path;
            }
            return (options.stream().anyMatch(o -> o.contains("SharedArchiveFile"))
                    ? "class archive " + (Files.exists(Path.of("target", "benchmark-service.jsa")) ? "from an earlier run"
                                                                                                : "not yet written")
                    : "no class archive") + ", " + path;
        }
    }

    /**
     * The ahead-of-time cache's training run (JDK 25, JEP 514/515): the service starts with -XX:AOTCacheOutput, serves
     * the real routes for a while so the JVM sees what is loaded, linked and hot, and writes the cache when it stops;
     * the starts after it use the cache.
     */
    private static Launch train(Launch launch, Path logs, Map<String, String> environment, Fixture fixture,
                                List<String> out) throws Exception {
        Files.deleteIfExists(Launch.AOT_CACHE);
        Launch training = launch.withoutArchive("-XX:AOTCacheOutput=" + Launch.AOT_CACHE);
        long stopping;
        try (Started trained = Started.launch(logs.resolve("training.log"), environment, training)) {
            out.add(String.format("ahead-of-time cache: training start %.2f s", trained.startSeconds()));
            once("r1 (training)", 16, Duration.ofSeconds(1), Duration.ofSeconds(5), fixture.r1(trained.base()), 200,
                 () -> new Counters(0, 0, 0));
            once("r3 (training)", 16, Duration.ofSeconds(1), Duration.ofSeconds(5), fixture.r3(trained.base()), 200,
                 () -> new Counters(0, 0, 0));
            stopping = System.nanoTime();
        }
        out.add(String.format("ahead-of-time cache: written at the training run's stop in %.1f s (%d MB)",
                              (System.nanoTime() - stopping) / 1e9,
                              Files.exists(Launch.AOT_CACHE) ? Files.size(Launch.AOT_CACHE) >> 20 : -1));
        return launch.withoutArchive("-XX:AOTCache=" + Launch.AOT_CACHE);
    }

    /** Start-to-ready on the small database, three times (the service stopped between them); the median. */
    private static double startsEmpty(Launch launch, Path logs, Map<String, String> environment, List<String> out) {
        String how = launch.describe();
        List<Double> seconds = new ArrayList<>();
        for (int start = 1; start <= RUNS; start++) {
            try (Started empty = Started.launch(logs.resolve("start-" + start + ".log"), environment, launch)) {
                seconds.add(empty.startSeconds());
            }
        }
        double median = seconds.stream().sorted().toList().get(RUNS / 2);
        out.add(String.format("start-to-ready (external MariaDB, schema up to date, small database, %s): %.2f s"
                              + " (median of %s)", how, median,
                              seconds.stream().map(s -> String.format("%.2f", s)).toList()));
        return median;
    }

    private static long number(List<String> words, String prefix, long otherwise) {
        return words.stream().filter(w -> w.startsWith(prefix)).map(w -> Long.parseLong(w.substring(prefix.length())))
                .findFirst().orElse(otherwise);
    }

    private static final int RUNS = 3;
    /** Before each run after the first: the clients connect and get going before the measured seconds start. */
    private static final Duration RAMP = Duration.ofSeconds(1);
    static final String HEADER = String.format("%-24s %7s %10s %9s %9s %7s %8s %8s %7s", "route", "clients", "req/s",
                                               "p50 ms", "p99 ms", "errors", "SQL/req", "commit/r", "GC ms");

    /** One row measured the benchmark's way: warm-up, then the median of {@link #RUNS} runs. */
    record Rows(String url, Counters.Probe probe, Duration warmUp, Duration measured) {

        LoadRun.Result measure(String name, int clients, List<Target> targets, int expectedStatus)
                throws Exception {
            List<LoadRun.Result> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Duration waited = Background.awaitDone(url);
                LoadRun.Result result = once(name, clients, run == 0 ? warmUp : RAMP, measured, targets,
                                             expectedStatus, probe);
                System.out.println(line(result) + String.format("   (run %d; background work waited for: %.1f s)",
                                                                run + 1, waited.toMillis() / 1000.0));
                runs.add(result);
            }
            LoadRun.Result median = LoadRun.Result.median(runs);
            System.out.println(line(median) + "   (median)");
            return median;
        }
    }

    static String line(LoadRun.Result result) {
        return String.format("%-24s %7d %10.0f %9.2f %9.2f %7d %8.1f %8.2f %7.0f", result.name(), result.clients(),
                             result.perSecond(), result.p50Millis(), result.p99Millis(), result.errors(),
                             result.statementsPerRequest(), result.commitsPerRequest(), result.gcMillis());
    }

    /** wrk when it is installed, else the Java load generator; the figures say which one ran. */
    static LoadRun.Result once(String name, int clients, Duration warmUp, Duration measured, List<Target> targets,
                               int expectedStatus, Counters.Probe probe) throws Exception {
        java.util.Optional<Path> wrk = WrkRun.installed();
        if (wrk.isPresent()) {
            return WrkRun.run(wrk.get(), name, clients, warmUp, measured, targets, probe);
        }
        return LoadRun.run(name, clients, warmUp, measured, targets, expectedStatus, probe);
    }

    /**
     * The people the real routes are measured with, made through the service itself: {@link #MEMBERS} members, each
     * in a case of their own (10 updates, one thread), with one family inspector for all of them. The clients take
     * the members in turn, as many people using the service at once would, rather than one person sending 64
     * requests at a time.
     */
    record Fixture(List<Member> members, String staffId, Api.Credentials inspector) {

        static final int MEMBERS = 32;

        /** One member, their case and their thread. */
        record Member(String caseId, String threadId, Api.Credentials session) {
        }

        static Fixture make(String url) {
            try (TestService setup = TestService.builder().set("db.url", url)
                    .set("rate-limits.message-post-account.capacity", "1000000000")
                    .set("rate-limits.code-request-ip.capacity", "1000000000")
                    .set("rate-limits.code-check-ip.capacity", "1000000000")
                    .clock(new TestClock(Instant.now())).start()) {
                People people = new People(setup);
                People.Staff inspector = people.staff(Role.FAMILY_INSPECTOR, "bench-fi@inspectie.example");
                People.Staff investigator = people.staff(Role.INVESTIGATOR, "bench-inv@inspectie.example");
                Api.Credentials inspectorSession = people.signInStaff(inspector);
                Api staff = setup.api().as(inspectorSession);
                List<Member> members = new ArrayList<>();
                for (int m = 0; m < MEMBERS; m++) {
                    String email = "bench-" + m + "@example.org";
                    MessageFixture.Ids ids = MessageFixture.threadWithFile(setup, "BENCH-" + m, inspector,
                                                                           investigator, email);
                    for (int i = 0; i < 10; i++) {
                        staff.post("/api/cases/" + ids.caseId() + "/updates",
                                   "{\"text\":\"Stand van zaken " + i + ".\"}");
                    }
                    members.add(new Member(ids.caseId(), ids.threadId(), people.signInMember(email)));
                }
                return new Fixture(List.copyOf(members), investigator.account().id(), inspectorSession);
            }
        }

        List<Target> r1(URI base) {
            return members.stream().map(member -> Target.get(base, "/api/cases/" + member.caseId() + "/timeline")
                    .with("Cookie", "__Host-fl-session=" + member.session().sessionToken())).toList();
        }

        List<Target> r2(URI base) {
            return members.stream().map(member -> Target.post(
                    base, "/api/cases/" + member.caseId() + "/threads/" + member.threadId() + "/messages",
                    "{\"text\":\"" + "Een vraag over het onderzoek. ".repeat(10) + "\"}")
                    .with("Cookie", "__Host-fl-session=" + member.session().sessionToken())
                    .with("X-CSRF-Token", member.session().csrfToken()).with("Content-Type", "application/json"))
                    .toList();
        }

        List<Target> r3(URI base) {
            return List.of(Target.get(base, "/api/dashboard")
                    .with("Cookie", "__Host-fl-session=" + inspector.sessionToken()));
        }
    }

    /** A running service process and how long it took to become ready. */
    record Started(ServiceProcess process, double startSeconds, int barePort) implements AutoCloseable {

        static Started launch(Path log, Map<String, String> environment, Launch launch) {
            Map<String, String> withPort = new java.util.HashMap<>(environment);
            withPort.put("FL_SERVER_PORT", String.valueOf(Ports.free()));
            int barePort = Ports.free();
            List<String> withBarePort = new ArrayList<>(launch.options());
            withBarePort.add("bench.bare-port=" + barePort);
            long start = System.nanoTime();
            ServiceProcess process = ServiceProcess.launch(log, withPort, withBarePort,
                                                           BenchmarkService.class.getName(), launch.classPath())
                    .awaitHealthy();
            return new Started(process, (System.nanoTime() - start) / 1e9, barePort);
        }

        URI base() {
            return process.base();
        }

        /** The bare peer's server (pb), in the same process. */
        URI bareBase() {
            return URI.create("http://127.0.0.1:" + barePort + "/");
        }

        Counters.Probe probe(String jdbcUrl) {
            return Counters.of(jdbcUrl, process.process().pid());
        }

        /** Runs {@code work} while sampling the process's resident memory (kB) every 100 ms into {@code max}. */
        <T> T sampleRss(AtomicLong max, Callable<T> work) throws Exception {
            Thread sampler = Thread.ofVirtual().start(() -> {
                Path status = Path.of("/proc", String.valueOf(process.process().pid()), "status");
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:")).findFirst()
                                .ifPresent(line -> max.accumulateAndGet(
                                        Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max));
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (java.io.IOException gone) {
                        return;
                    }
                }
            });
            try {
                return work.call();
            } finally {
                sampler.interrupt();
            }
        }

        @Override
        public void close() {
            process.stop();
        }
    }

    /** A piece of work that may throw. */
    interface Callable<T> {
        T call() throws Exception;
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "root", TestDatabase.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
