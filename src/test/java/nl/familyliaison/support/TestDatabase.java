package nl.familyliaison.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import nl.familyliaison.platform.EmbeddedMariaDb;

/**
 * One embedded MariaDB server for the whole test JVM; each test class gets a database of its own on it, so classes
 * never see each other's rows. To the service under test this server is an "external" MariaDB reached by URL.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final String PASSWORD = "test-" + UUID.randomUUID();
    private static EmbeddedMariaDb server;

    private TestDatabase() {
    }

    /** A JDBC URL for a new, empty database. */
    public static synchronized String newDatabase() {
        return server().createDatabase("test_" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid());
    }

    /**
     * Root's password on every test server of this JVM: written into each server's folder before it starts (an
     * embedded server uses the password it finds there), so that any test can connect to any of them.
     */
    public static String password() {
        return PASSWORD;
    }

    static synchronized EmbeddedMariaDb server() {
        if (server == null) {
            server = EmbeddedMariaDb.start(withPassword(TestFolders.fresh("mariadb-shared")), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mariadb-stop"));
        }
        return server;
    }

    /** A second, separate server that a test may stop and start (database outages). */
    public static EmbeddedMariaDb privateServer(String name) {
        return EmbeddedMariaDb.start(withPassword(TestFolders.fresh(name)), 0);
    }

    private static Path withPassword(Path folder) {
        try {
            Files.writeString(folder.resolve("root-password"), PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The folder where test servers keep their files. */
    public static Path folder(String name) {
        return TestFolders.fresh(name);
    }
}
