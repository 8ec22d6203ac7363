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
        Duration measured = Duration.ofSeconds(words.stream().filter(w -> w.startsWith("--seconds="))
                                                       .map(w -> Long.parseLong(w.substring(10))).findFirst()
                                                       .orElse(5L));
        Duration warmUp = Duration.ofSeconds(2);
        // --only=p1,r1 measures just those rows (nm: the notifications); --jfr records the service with Flight
        // Recorder.
        List<String> only = words.stream().filter(w -> w.startsWith("--only=")).findFirst()
                .map(w -> List.of(w.substring(7).split(","))).orElse(List.of());
        List<String> out = new ArrayList<>();
        out.add("data set: " + data + ", measured " + measured.toSeconds() + " s per row after " + warmUp.toSeconds()
                + " s warm-up, " + Runtime.getRuntime().availableProcessors() + " cores, load from "
                + WrkRun.installed().map(wrk -> "wrk (2 threads)").orElse("the Java load generator"));

        EmbeddedMariaDb database = TestDatabase.privateServer("bench-mariadb");
        int smtpPort = Ports.free();
        GreenMail smtp = TestMail.ownServer(smtpPort);
        try {
            String url = database.createDatabase("bench");
            databaseUrl = url;
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

            LoadRun.Result emptyR1;
            boolean archived = Files.exists(Path.of("target", "benchmark-service.jsa"));
            try (Started empty = Started.launch(logs.resolve("empty.log"), environment, properties)) {
                out.add(String.format("start-to-ready (external MariaDB, schema up to date, small database, %s):"
                                      + " %.2f s", archived ? "class archive from an earlier run"
                                                            : "first start: no class archive yet",
                                      empty.startSeconds()));
                // The same JIT warm-up as the seeded run gets from the rows measured before its r1.
                drive("r1 empty (warm-up)", 16, warmUp, measured.multipliedBy(3), fixture.r1(empty.base()), 200);
                emptyR1 = drive("r1 empty", 16, warmUp, measured, fixture.r1(empty.base()), 200);
            }
            Instant seedStart = Instant.now();
            data.seed(url, fixture.staffId());
            out.add("seeded in " + Duration.between(seedStart, Instant.now()).toSeconds() + " s");
            out.add("database settled after seeding in " + DataSet.settle(url).toSeconds() + " s");

            try (Started service = Started.launch(logs.resolve("loaded.log"), environment, properties)) {
                out.add(String.format("start-to-ready (external MariaDB, seeded database, class archive): %.2f s",
                                      service.startSeconds()));
                URI base = service.base();
                AtomicLong maxRss = new AtomicLong();
                List<LoadRun.Result> results = new ArrayList<>();
                for (int clients : CLIENTS) {
                    for (Map.Entry<String, List<Target>> peer : List.of(
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
                        LoadRun.Result result = service.sampleRss(maxRss, () -> drive(
                                peer.getKey(), clients, warmUp, measured, peer.getValue(), expected));
                        results.add(result);
                        System.out.println(row(result));
                    }
                }
                out.add(String.format("%-24s %7s %10s %9s %9s %7s %9s", "route", "clients", "req/s", "p50 ms",
                                      "p99 ms", "errors", "SQL/req"));
                results.forEach(result -> out.add(row(result)));
                if (only.isEmpty()) {
                    for (int clients : CLIENTS) {
                        out.add(String.format("ratios at %d clients: r1/p1 = %.2f, r2/p2 = %.2f", clients,
                                              rate(results, "r1", clients) / rate(results, "p1", clients),
                                              rate(results, "r2", clients) / rate(results, "p2", clients)));
                    }
                    LoadRun.Result largeR1 = results.stream()
                            .filter(r -> r.name().startsWith("r1") && r.clients() == 16).findFirst().orElseThrow();
                    out.add(String.format("r1 p50 at 16 clients: %.2f ms seeded vs %.2f ms small (%.2f x)",
                                          largeR1.p50Millis(), emptyR1.p50Millis(),
                                          largeR1.p50Millis() / emptyR1.p50Millis()));
                }
                out.add(String.format("service RSS under load: %d MB at most", maxRss.get() / 1024));
                if (only.isEmpty() || only.contains("nm")) {
                    out.add(Notifications.measure(url, smtp, 2000));
                }
            }
        } finally {
            smtp.stop();
            database.close();
        }
        out.forEach(System.out::println);
        Files.write(Path.of("target", "benchmark.txt"), out);
        System.exit(0);
    }

    private static double rate(List<LoadRun.Result> results, String prefix, int clients) {
        return results.stream().filter(r -> r.name().startsWith(prefix) && r.clients() == clients).findFirst()
                .orElseThrow().perSecond();
    }

    private static String row(LoadRun.Result result) {
        return String.format("%-24s %7d %10.0f %9.2f %9.2f %7d %9.1f", result.name(), result.clients(),
                             result.perSecond(), result.p50Millis(), result.p99Millis(), result.errors(),
                             result.statementsPerRequest());
    }

    /** wrk when it is installed, else the Java load generator; the figures say which one ran. */
    static LoadRun.Result drive(String name, int clients, Duration warmUp, Duration measured, List<Target> targets,
                                int expectedStatus) throws Exception {
        java.util.Optional<Path> wrk = WrkRun.installed();
        if (wrk.isPresent()) {
            return WrkRun.run(wrk.get(), name, clients, warmUp, measured, targets, Benchmark::statements);
        }
        return LoadRun.run(name, clients, warmUp, measured, targets, expectedStatus, Benchmark::statements);
    }

    private static String databaseUrl;

    /** The statements the database has received (all clients, the service's background work included). */
    static long statements() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "root", TestDatabase.password());
             Statement sql = connection.createStatement();
             java.sql.ResultSet status = sql.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            status.next();
            return status.getLong(2);
        }
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
    record Started(ServiceProcess process, double startSeconds) implements AutoCloseable {

        static Started launch(Path log, Map<String, String> environment, List<String> properties) {
            Map<String, String> withPort = new java.util.HashMap<>(environment);
            withPort.put("FL_SERVER_PORT", String.valueOf(Ports.free()));
            long start = System.nanoTime();
            ServiceProcess process = ServiceProcess.launch(log, withPort, properties,
                                                           BenchmarkService.class.getName()).awaitHealthy();
            return new Started(process, (System.nanoTime() - start) / 1e9);
        }

        URI base() {
            return process.base();
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
