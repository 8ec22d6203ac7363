package nl.familyliaison.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The benchmark's class path with each class folder (target/classes, target/test-classes) packed into a jar. The
 * JVM's class archive and ahead-of-time cache only hold classes loaded from jars: from a class path with folders they
 * skip the application's classes and every class after them ("Unsupported location" in the CDS log), so a start
 * from folders gains little from either.
 */
final class JarClassPath {

    private JarClassPath() {
    }

    /** {@code classPath} with its folders replaced by jars in {@code into} (written afresh). */
    static String of(String classPath, Path into) throws IOException {
        Files.createDirectories(into);
        List<String> entries = new ArrayList<>();
        int folder = 0;
        for (String entry : expanded(classPath)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = into.resolve((folder++) + "-" + path.getFileName() + ".jar");
                pack(path, jar);
                entries.add(jar.toAbsolutePath().toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The entries of {@code classPath}, with a jar that only names others in its manifest (what Maven's exec plugin
     * starts the benchmark with when the class path is long) replaced by those it names.
     */
    static List<String> expanded(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String named = null;
            if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Manifest manifest = jar.getManifest();
                    named = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (named != null && jar.stream().anyMatch(e -> e.getName().endsWith(".class"))) {
                        named = null; // a jar of classes that also names others: kept as it is
                    }
                }
            }
            if (named == null) {
                entries.add(entry);
                continue;
            }
            for (String each : named.trim().split("\\s+")) {
                entries.add(Path.of(path.toUri().resolve(each)).toString());
            }
        }
        return entries;
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path each : files.sorted().toList()) {
                String name = folder.relativize(each).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(each) ? name + "/" : name));
                if (Files.isRegularFile(each)) {
                    Files.copy(each, out);
                }
                out.closeEntry();
            }
        }
    }
}
