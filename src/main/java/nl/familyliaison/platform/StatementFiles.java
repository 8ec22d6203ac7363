package nl.familyliaison.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Finds every {@code statements/*.yaml} resource, so a feature's new statement file is loaded without being listed
 * anywhere.
 *
 * <p>The files ship beside the service's own classes: in {@code target/classes} during a build, in the service's jar
 * once packaged. A class loader cannot list a folder, so this looks where this class came from and lists the folder
 * there (a directory) or the entries under it (a jar). A jar needs no directory entries for this to work.
 */
final class StatementFiles {

    private static final String FOLDER = "statements/";
    private static final String SUFFIX = ".yaml";

    private StatementFiles() {
    }

    /** The class path names ({@code statements/cases.yaml}, …) of the service's statement files, sorted. */
    static List<String> resources() {
        CodeSource source = StatementFiles.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("Cannot tell where the service's classes come from to find "
                                            + FOLDER + "*" + SUFFIX);
        }
        try {
            return in(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unreadable class location " + source.getLocation(), e);
        }
    }

    /**
     * The statement files in a class path entry: a directory or a jar.
     *
     * @throws IllegalStateException when there are none (the service cannot run without its SQL)
     */
    static List<String> in(Path location) {
        List<String> names;
        try {
            names = Files.isDirectory(location) ? inDirectory(location) : inJar(location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + FOLDER + " in " + location, e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No " + FOLDER + "*" + SUFFIX + " in " + location);
        }
        return names;
    }

    private static List<String> inDirectory(Path root) throws IOException {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> FOLDER + file.getFileName())
                    .filter(StatementFiles::isStatementFile).sorted().toList();
        }
    }

    private static List<String> inJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName)
                    .filter(StatementFiles::isStatementFile).sorted().toList();
        }
    }

    /** Directly in the folder (not in a sub-folder) and ending in .yaml. */
    private static boolean isStatementFile(String name) {
        return name.startsWith(FOLDER) && name.endsWith(SUFFIX) && name.indexOf('/', FOLDER.length()) < 0;
    }
}
