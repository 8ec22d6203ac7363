package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.Ports;
import org.junit.jupiter.api.Test;

/**
 * The service as a newcomer runs it: its own process, the embedded MariaDB, data in a local folder. Stopped with
 * SIGTERM and started again, it keeps its data, applies no migration twice and leaves no database process behind.
 */
class ServiceProcessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void stopsCleanlyOnSigtermAndKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = TestFolders.fresh("process-data");
        int httpPort = Ports.free();
        int dbPort = Ports.free();

        Process first = launch(dataDir, httpPort, dbPort, "first.log");
        awaitHealthy(first, httpPort, dataDir.resolve("first.log"));
        try (Connection connection = connect(dbPort); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE keep_me (note VARCHAR(20))");
            statement.execute("INSERT INTO keep_me VALUES ('still here')");
        }
        stop(first);
        String firstLog = Files.readString(dataDir.resolve("first.log"));
        assertTrue(firstLog.contains("Family Liaison has stopped") || firstLog.contains("Family Liaison is stopping"),
                   firstLog);
        assertFalse(firstLog.matches("(?s).*\\(0 migration\\(s\\) applied now\\).*"), "the first start migrates");
        assertFalse(databaseProcessRunsIn(dataDir), "no MariaDB process is left behind");

        Process second = launch(dataDir, httpPort, dbPort, "second.log");
        awaitHealthy(second, httpPort, dataDir.resolve("second.log"));
        try (Connection connection = connect(dbPort); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM keep_me")) {
            assertTrue(rows.next(), "the row written before the restart is still there");
            assertEquals("still here", rows.getString(1));
        } finally {
            stop(second);
        }
        String secondLog = Files.readString(dataDir.resolve("second.log"));
        assertTrue(secondLog.contains("(0 migration(s) applied now)"), secondLog);
        assertFalse(databaseProcessRunsIn(dataDir));
    }

    private static Process launch(Path dataDir, int httpPort, int dbPort, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                                    "nl.familyliaison.Main")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(log).toFile());
        builder.environment().put("FL_DATA_DIR", dataDir.toString());
        builder.environment().put("FL_SERVER_PORT", String.valueOf(httpPort));
        builder.environment().put("FL_DB_EMBEDDED_PORT", String.valueOf(dbPort));
        builder.environment().remove("FL_DB_URL");
        return builder.start();
    }

    private static void awaitHealthy(Process process, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited early:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become healthy:\n" + Files.readString(log));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "the service stops within a minute of SIGTERM");
    }

    private static boolean databaseProcessRunsIn(Path dataDir) {
        String folder = dataDir.toString();
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                .filter(handle -> handle.info().command().map(command -> command.contains("mariadbd")
                                                                         || command.contains("mysqld"))
                        .orElse(false))
                .toList();
        left.forEach(ProcessHandle::destroyForcibly);
        return !left.isEmpty();
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/family_liaison?sslMode=disable",
                                           "root", "");
    }

}
