package nl.familyliaison.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on virtual threads: {@code clients} clients each send the next request as soon as the
 * previous one is answered, for a warm-up and then a measured period, over HTTP/1.1 keep-alive on loopback.
 */
final class LoadRun {

    /**
     * What one run measured; statements, commits and GC time are those of the measured seconds (per request; GC in
     * ms).
     */
    record Result(String name, int clients, double perSecond, double p50Millis, double p99Millis, long errors,
                  long requests, double statementsPerRequest, double commitsPerRequest, double gcMillis) {

        Result(String name, int clients, double perSecond, double p50Millis, double p99Millis, long errors,
               long requests) {
            this(name, clients, perSecond, p50Millis, p99Millis, errors, requests, Double.NaN, Double.NaN,
                 Double.NaN);
        }

        /** With what the database and the service's collector did while this was measured. */
        Result with(Counters during) {
            return new Result(name, clients, perSecond, p50Millis, p99Millis, errors, requests,
                              perRequest(during.statements()), perRequest(during.commits()),
                              during.gcSeconds() * 1000);
        }

        private double perRequest(long count) {
            return requests == 0 ? Double.NaN : (double) count / requests;
        }

        /**
         * Several runs of one row as one: the median of each figure (of three runs, the middle one), the errors of
         * all runs together.
         */
        static Result median(List<Result> runs) {
            Result first = runs.getFirst();
            return new Result(first.name, first.clients, middle(runs, Result::perSecond),
                              middle(runs, Result::p50Millis), middle(runs, Result::p99Millis),
                              runs.stream().mapToLong(Result::errors).sum(),
                              runs.stream().mapToLong(Result::requests).sum(),
                              middle(runs, Result::statementsPerRequest), middle(runs, Result::commitsPerRequest),
                              middle(runs, Result::gcMillis));
        }

        private static double middle(List<Result> runs, java.util.function.ToDoubleFunction<Result> figure) {
            double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private LoadRun() {
    }

    static Result run(String name, int clients, Duration warmUp, Duration measured, List<Target> targets,
                      int expectedStatus, Counters.Probe probe) throws Exception {
        List<HttpRequest> requests = targets.stream().map(Target::toHttpRequest).toList();
        AtomicBoolean go = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                HttpRequest request = requests.get(i % requests.size());
                running.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (go.get()) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - start;
                        if (counting.get()) {
                            if (status != expectedStatus) {
                                errors.incrementAndGet();
                            }
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = took;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            Thread.sleep(warmUp.toMillis());
            Counters before = probe.read();
            counting.set(true);
            long start = System.nanoTime();
            Thread.sleep(measured.toMillis());
            counting.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            go.set(false); // the load stops before the counters are read: jstat takes a while on a busy box
            Counters during = probe.read().minus(before);
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> each : running) {
                all.add(each.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(name, clients, merged.length / seconds, percentile(merged, 0.50),
                              percentile(merged, 0.99), errors.get(), merged.length).with(during);
        }
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(p * sortedNanos.length))] / 1e6;
    }

}
