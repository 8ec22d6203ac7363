package nl.familyliaison.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The embedded MariaDB's root password: random, made once and kept in {@code <folder>/root-password}, readable by
 * the service's own user only.
 *
 * <p>The server is told the password through an init file that it runs at every start, before it takes connections:
 * that works the same for a new data folder, for one made before the server had grant tables, and for one whose root
 * account could only sign in through the Unix socket. The init file is written just before the start and deleted
 * right after it.
 */
final class RootPassword {

    static final String FILE = "root-password";
    private static final String INIT_FILE = "init.sql";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path folder;
    private final String value;

    private RootPassword(Path folder, String value) {
        this.folder = folder;
        this.value = value;
    }

    /** The password kept in {@code folder}; a new one is made (and kept) the first time. */
    static RootPassword in(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                // Written beside it, then moved into place: a crash half-way never leaves an empty password file.
                Path draft = folder.resolve(FILE + ".new");
                Files.deleteIfExists(draft);
                writeOwnerOnly(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return new RootPassword(folder, Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the embedded database's password in " + folder, e);
        }
    }

    String value() {
        return value;
    }

    /** The server argument that makes it run {@link #writeInitFile()}'s statements at start. */
    String initFileArgument() {
        return "--init-file=" + initFile().toAbsolutePath();
    }

    /**
     * Writes the statements that give root this password (on 127.0.0.1 and localhost, nowhere else) and remove every
     * account that could sign in without one: anonymous users and the socket-only accounts the installer makes.
     */
    void writeInitFile() {
        String password = "'" + value + "'";
        List<String> statements = List.of(
                "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host NOT IN ('127.0.0.1', "
                + "'localhost'))",
                "FLUSH PRIVILEGES",
                "DROP USER IF EXISTS 'mysql'@'localhost'",
                "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY " + password,
                "CREATE USER IF NOT EXISTS 'root'@'localhost' IDENTIFIED BY " + password,
                "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY " + password,
                "ALTER USER 'root'@'localhost' IDENTIFIED BY " + password,
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION");
        try {
            Files.deleteIfExists(initFile());
            writeOwnerOnly(initFile(), String.join(";\n", statements) + ";\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + initFile(), e);
        }
    }

    /** Removes the init file once the server has run it. */
    void deleteInitFile() {
        try {
            Files.deleteIfExists(initFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + initFile(), e);
        }
    }

    private Path initFile() {
        return folder.resolve(INIT_FILE);
    }

    /** Creates the file with owner-only permissions from the first byte on (no moment where others may read it). */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        FileAttribute<?>[] ownerOnly = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.write(Files.createFile(file, ownerOnly), content.getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.TRUNCATE_EXISTING);
    }
}
