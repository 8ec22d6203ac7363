package nl.familyliaison.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own operating-system process ({@code java … nl.familyliaison.Main}, the test's class path), as
 * an operator runs it: configured by environment variables, stopped with SIGTERM or killed with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service with these environment variables (FL_SERVER_PORT among them) and {@code -D} settings for
     * keys that have no variable (an entry that starts with "-" is a JVM option as it is); its output goes to
     * {@code log}. FL_DB_URL is cleared unless given.
     */
    public static ServiceProcess launch(Path log, Map<String, String> environment, List<String> systemProperties) {
        return launch(log, environment, systemProperties, "nl.familyliaison.Main");
    }

    /** As {@link #launch(Path, Map, List)}, started by another main class on the test's class path. */
    public static ServiceProcess launch(Path log, Map<String, String> environment, List<String> systemProperties,
                                        String mainClass) {
        return launch(log, environment, systemProperties, mainClass, System.getProperty("java.class.path"));
    }

    /** As {@link #launch(Path, Map, List, String)}, on another class path (the benchmark's, of jars only). */
    public static ServiceProcess launch(Path log, Map<String, String> environment, List<String> systemProperties,
                                        String mainClass, String classPath) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        systemProperties.forEach(property -> command.add(property.startsWith("-") ? property : "-D" + property));
        command.addAll(List.of("-cp", classPath, mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("FL_DB_URL");
        builder.environment().put("FL_MANAGEMENT_PORT", "0"); // several processes at once: no fixed port
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start(), log, Integer.parseInt(environment.get("FL_SERVER_PORT")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings a test service uses for data at rest, so that a process and a test service read each other's. */
    public static String testKeys() {
        return "test-1:" + TestService.TEST_KEY;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits until the service answers health checks with 200; fails with its log when it exits or takes too long. */
    public ServiceProcess awaitHealthy() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited early:\n" + log());
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(base().resolve("/observe/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20); // often: the benchmark's start-to-ready is measured with this
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become healthy:\n" + log());
    }

    /** SIGTERM; true when the process ended within a minute (else it is killed). */
    public boolean stop() {
        process.destroy();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, requests in flight cut off. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
