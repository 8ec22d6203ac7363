package nl.familyliaison.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import nl.familyliaison.support.Mailbox;

/**
 * The soak option: a mixed load at 64 clients for many minutes (timeline reads, posts, the dashboard and sign-ins
 * with an emailed code), printing the errors and p99 of each minute and the service's heap after each
 * old-generation collection, read from its GC log. The goal is no errors and a flat heap: the heap after old
 * collections in the last ten minutes within 10 % of the first ten (a third of the run each when it is shorter than
 * 30 minutes).
 */
final class Soak {

    static final int CLIENTS = 64;
    /** A full (old-generation) collection of the serial collector, and the heap in use after it, in MB. */
    private static final Pattern FULL = Pattern.compile("\\[([0-9.]+)s\\].*Pause Full .* [0-9]+M->([0-9]+)M\\(");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private Soak() {
    }

    /** One answered request: when (ms since the start), how long it took (ns), and whether it was as expected. */
    private record Sample(long atMillis, long tookNanos, boolean ok) {
    }

    static List<String> run(Duration duration, Benchmark.Setup setup) throws Exception {
        List<String> withLog = new ArrayList<>(setup.launch().options());
        Path gcLog = setup.logs().resolve("soak-gc.log").toAbsolutePath();
        withLog.add("-Xlog:gc:file=" + gcLog + ":uptime");
        withLog.addAll(List.of("rate-limits.code-request-ip.capacity=1000000000",
                               "rate-limits.code-request-address.capacity=1000000000",
                               "rate-limits.code-check-ip.capacity=1000000000"));
        List<String> out = new ArrayList<>();
        Benchmark.Launch launch = new Benchmark.Launch(withLog, setup.launch().classPath());
        try (Benchmark.Started service = Benchmark.Started.launch(setup.logs().resolve("soak.log"),
                                                                  setup.environment(), launch)) {
            long started = System.currentTimeMillis();
            double uptimeAtStart = service.process().process().info().startInstant()
                    .map(at -> (started - at.toEpochMilli()) / 1000.0).orElse(0.0);
            List<List<Sample>> samples = load(service.base(), setup.fixture(), setup.smtp(), duration, started);
            out.add("soak: " + CLIENTS + " clients, " + duration.toMinutes() + " min, mixed load (per client in turn:"
                    + " timeline reads, a post, the dashboard; the first 32 clients also sign their member in with"
                    + " an emailed code every " + SIGN_IN_EVERY + " requests)");
            out.addAll(perMinute(samples, duration));
            out.addAll(heap(Files.readAllLines(gcLog), uptimeAtStart, duration));
        }
        return out;
    }

    private static final int SIGN_IN_EVERY = 50;

    /** The clients' requests, each client's own list. */
    private static List<List<Sample>> load(URI base, Benchmark.Fixture fixture, GreenMail smtp, Duration duration,
                                           long started) throws Exception {
        List<HttpRequest> reads = fixture.r1(base).stream().map(Target::toHttpRequest).toList();
        List<HttpRequest> posts = fixture.r2(base).stream().map(Target::toHttpRequest).toList();
        HttpRequest dashboard = fixture.r3(base).getFirst().toHttpRequest();
        long end = started + duration.toMillis();
        List<java.util.concurrent.Future<List<Sample>>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                int member = c % reads.size();
                clients.add(pool.submit(() -> {
                    List<Sample> mine = new ArrayList<>();
                    for (long n = 0; System.currentTimeMillis() < end; n++) {
                        if (client < reads.size() && n % SIGN_IN_EVERY == SIGN_IN_EVERY - 1) {
                            signIn(base, "bench-" + member + "@example.org", smtp, started, mine);
                            continue;
                        }
                        switch ((int) (n % 10)) {
                            case 3 -> send(posts.get(member), 201, started, mine);
                            case 6, 9 -> send(dashboard, 200, started, mine);
                            default -> send(reads.get(member), 200, started, mine);
                        }
                    }
                    return mine;
                }));
            }
            List<List<Sample>> all = new ArrayList<>();
            for (var client : clients) {
                all.add(client.get());
            }
            return all;
        }
    }

    private static String send(HttpRequest request, int expected, long started, List<Sample> samples) {
        long start = System.nanoTime();
        String body;
        int status;
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException | InterruptedException e) {
            status = -1;
            body = "";
        }
        samples.add(new Sample(System.currentTimeMillis() - started, System.nanoTime() - start, status == expected));
        return status == expected ? body : null;
    }

    /**
     * A member's sign-in as people do it: ask for a code, read it from the mail the service sent, check it. The wait
     * for the mail is not a request and is not measured.
     */
    private static void signIn(URI base, String email, GreenMail smtp, long started, List<Sample> samples)
            throws Exception {
        int before = inbox(smtp, email).length;
        String requested = send(json(base, "/api/sign-in/code-requests", "{\"email\":\"" + email + "\"}"), 202,
                                started, samples);
        if (requested == null) {
            return;
        }
        Matcher challenge = Pattern.compile("\"challengeId\"\\s*:\\s*\"([^\"]+)\"").matcher(requested);
        MimeMessage mail = awaitMail(smtp, email, before);
        if (!challenge.find() || mail == null) {
            samples.add(new Sample(System.currentTimeMillis() - started, 0, false));
            return;
        }
        String code = Mailbox.code(Mailbox.read(mail), 8);
        send(json(base, "/api/sign-in/code-checks",
                  "{\"challengeId\":\"" + challenge.group(1) + "\",\"code\":\"" + code + "\"}"), 200, started, samples);
    }

    private static HttpRequest json(URI base, String path, String body) {
        return Target.post(base, path, body).with("X-CSRF-Token", "bench").with("Content-Type", "application/json")
                .toHttpRequest();
    }

    private static MimeMessage awaitMail(GreenMail smtp, String email, int before) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] inbox = inbox(smtp, email);
            if (inbox.length > before) {
                return inbox[before];
            }
            Thread.sleep(20);
        }
        return null;
    }

    private static MimeMessage[] inbox(GreenMail smtp, String email) throws Exception {
        com.icegreen.greenmail.user.GreenMailUser user = smtp.getUserManager().getUser(email);
        return user == null ? new MimeMessage[0]
                : smtp.getManagers().getImapHostManager().getInbox(user).getMessages().toArray(new MimeMessage[0]);
    }

    /** Requests, errors and p99 of each minute, and the errors in all. */
    private static List<String> perMinute(List<List<Sample>> clients, Duration duration) {
        List<Sample> all = clients.stream().flatMap(List::stream).toList();
        List<String> out = new ArrayList<>(List.of(String.format("%6s %9s %7s %9s", "minute", "requests", "errors",
                                                                 "p99 ms")));
        for (long minute = 0; minute < Math.max(1, duration.toMinutes()); minute++) {
            long from = minute * 60_000;
            long[] nanos = all.stream().filter(s -> s.atMillis() >= from && s.atMillis() < from + 60_000)
                    .mapToLong(Sample::tookNanos).sorted().toArray();
            long errors = all.stream().filter(s -> s.atMillis() >= from && s.atMillis() < from + 60_000)
                    .filter(s -> !s.ok()).count();
            out.add(String.format("%6d %9d %7d %9.2f", minute + 1, nanos.length, errors,
                                  LoadRun.percentile(nanos, 0.99)));
        }
        long errors = all.stream().filter(s -> !s.ok()).count();
        out.add(String.format("soak errors: %d of %d requests — goal 0: %s", errors, all.size(),
                              errors == 0 ? "met" : "NOT met"));
        return out;
    }

    /** The heap after each old-generation collection, and the first window's average against the last one's. */
    static List<String> heap(List<String> gcLog, double uptimeAtStart, Duration duration) {
        List<String> out = new ArrayList<>(List.of("heap after each old-generation collection (minute of the soak:"
                                                   + " MB):"));
        double window = Math.min(600, duration.toSeconds() / 3.0);
        List<double[]> fulls = new ArrayList<>();
        for (String line : gcLog) {
            Matcher full = FULL.matcher(line);
            if (full.find()) {
                double at = Double.parseDouble(full.group(1)) - uptimeAtStart;
                fulls.add(new double[] {at, Double.parseDouble(full.group(2))});
                out.add(String.format("  %.1f: %s MB", at / 60, full.group(2)));
            }
        }
        double[] first = fulls.stream().filter(f -> f[0] < window).mapToDouble(f -> f[1]).toArray();
        double[] last = fulls.stream().filter(f -> f[0] >= duration.toSeconds() - window).mapToDouble(f -> f[1])
                .toArray();
        if (first.length == 0 || last.length == 0) {
            out.add(String.format("flat heap: not measurable (%d old collections in the first %.0f min, %d in the"
                                  + " last)", first.length, window / 60, last.length));
            return out;
        }
        double before = Arrays.stream(first).average().orElseThrow();
        double after = Arrays.stream(last).average().orElseThrow();
        out.add(String.format("flat heap: %.0f MB (first %.0f min) -> %.0f MB (last %.0f min) = %+.1f %% — goal"
                              + " within 10 %%: %s", before, window / 60, after, window / 60,
                              (after / before - 1) * 100, Math.abs(after / before - 1) <= 0.10 ? "met" : "NOT met"));
        return out;
    }
}
