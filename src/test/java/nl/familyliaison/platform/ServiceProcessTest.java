package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The service as a newcomer runs it: its own process, the embedded MariaDB, data in a local folder. Stopped with
 * SIGTERM and started again, it keeps its data, applies no migration twice and leaves no database process behind.
 */
class ServiceProcessTest {

    @Test
    void stopsCleanlyOnSigtermAndKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = TestFolders.fresh("process-data");
        int httpPort = Ports.free();
        int dbPort = Ports.free();

        ServiceProcess first = launch(dataDir, httpPort, dbPort, "first.log").awaitHealthy();
        try (Connection connection = connect(dataDir, dbPort); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE keep_me (note VARCHAR(20))");
            statement.execute("INSERT INTO keep_me VALUES ('still here')");
        }
        stop(first);
        String firstLog = Files.readString(dataDir.resolve("first.log"));
        assertTrue(firstLog.contains("Family Liaison has stopped") || firstLog.contains("Family Liaison is stopping"),
                   firstLog);
        assertFalse(firstLog.matches("(?s).*\\(0 migration\\(s\\) applied now\\).*"), "the first start migrates");
        assertFalse(databaseProcessRunsIn(dataDir), "no MariaDB process is left behind");

        ServiceProcess second = launch(dataDir, httpPort, dbPort, "second.log").awaitHealthy();
        try (Connection connection = connect(dataDir, dbPort); Statement statement = connection.createStatement();
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

    private static ServiceProcess launch(Path dataDir, int httpPort, int dbPort, String log) {
        return ServiceProcess.launch(dataDir.resolve(log), Map.of("FL_DATA_DIR", dataDir.toString(),
                                                                  "FL_SERVER_PORT", String.valueOf(httpPort),
                                                                  "FL_DB_EMBEDDED_PORT", String.valueOf(dbPort)),
                                     List.of());
    }

    private static void stop(ServiceProcess process) {
        assertTrue(process.stop(), "the service stops within a minute of SIGTERM");
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

    private static Connection connect(Path dataDir, int port) throws SQLException, IOException {
        // The service made the embedded server's root password on its first start and keeps it in its data folder.
        String password = Files.readString(dataDir.resolve("mariadb").resolve("root-password")).trim();
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/family_liaison?sslMode=disable",
                                           "root", password);
    }

}
