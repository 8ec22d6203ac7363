package nl.familyliaison.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk (Debian package {@code wrk}) when it is installed: a C load generator costs the box far less CPU per
 * request than a JVM client, so more of the two cores is left for the service. Two wrk threads, one connection per
 * client, keep-alive.
 */
final class WrkRun {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
                                                              Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^\\s*([0-9]+) requests in", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    private WrkRun() {
    }

    /** The wrk on the PATH, if any. */
    static Optional<Path> installed() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path wrk = Path.of(folder, "wrk");
            if (Files.isExecutable(wrk)) {
                return Optional.of(wrk);
            }
        }
        return Optional.empty();
    }

    static LoadRun.Result run(Path wrk, String name, int clients, Duration warmUp, Duration measured,
                              List<Target> targets, Counters.Probe probe) throws Exception {
        Path script = Files.createTempFile("bench-", ".lua");
        try {
            Files.writeString(script, Target.wrkScript(targets), StandardCharsets.UTF_8);
            wrk(wrk, clients, warmUp, script, targets.getFirst());
            Counters before = probe.read();
            LoadRun.Result result = parse(name, clients, wrk(wrk, clients, measured, script, targets.getFirst()));
            return result.with(probe.read().minus(before));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String wrk(Path wrk, int clients, Duration time, Path script, Target target)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(wrk.toString(), "-t2", "-c" + clients,
                                                     "-d" + Math.max(1, time.toSeconds()) + "s", "--latency",
                                                     "--timeout", "30s", "-s", script.toString(),
                                                     target.uri().toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed: " + output);
        }
        return output;
    }

    static LoadRun.Result parse(String name, int clients, String output) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new LoadRun.Result(name, clients, number(RATE, output), p50, p99, errors, (long) number(TOTAL, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk said something unexpected: " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
