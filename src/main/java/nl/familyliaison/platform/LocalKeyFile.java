package nl.familyliaison.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The key the embedded default generates for itself in its data folder. The file is owner-only from the moment it
 * exists: it is written under a temporary name that was created with {@code rw-------} (never readable by others, not
 * even for an instant, as a chmod after writing would be) and then moved into place in one step, so nobody ever
 * finds a half-written or wider-readable key file.
 */
final class LocalKeyFile {

    private static final Logger LOG = Logger.getLogger(LocalKeyFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalKeyFile() {
    }

    /** The 32-byte key in {@code file}, generated there first when there is none. */
    static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            createFolder(file.getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Path temporary = file.resolveSibling(file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong())
                                                 + ".tmp");
            try {
                create(temporary);
                Files.write(temporary, Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII),
                            StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the local key " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (isPosix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            // A copy or a restore may have widened it: the key is as secret as all the data it opens.
            LOG.warning("The local key file " + file + " was readable by others; it is now owner-only again.");
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    private static void create(Path temporary) throws IOException {
        if (isPosix(temporary.getParent())) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            // Windows: the folder's own permissions have to do.
            Files.createFile(temporary);
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createDirectory(folder, isPosix(parent)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)}
                    : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException raced) {
            // made by another start at the same moment: fine
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
