package nl.familyliaison.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's class path for the class archive and the ahead-of-time cache: jars only. */
class JarClassPathTest {

    @Test
    void packsEachClassFolderIntoAJarAndFollowsAManifestOnlyJar(@TempDir Path folder) throws Exception {
        Path classes = Files.createDirectories(folder.resolve("classes/nl/example"));
        Files.writeString(classes.resolve("Thing.class"), "not really a class");
        Path library = Files.writeString(folder.resolve("library.jar"), "a library");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                                         folder.resolve("classes").toUri() + " " + library.toUri());
        Path launcher = folder.resolve("launcher.jar");
        try (OutputStream file = Files.newOutputStream(launcher);
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.flush();
        }

        List<String> entries = List.of(JarClassPath.of(launcher.toString(), folder.resolve("jars"))
                                               .split(File.pathSeparator));

        assertEquals(List.of(folder.resolve("jars/0-classes.jar").toString(), library.toString()), entries);
        try (JarFile packed = new JarFile(entries.getFirst())) {
            assertNotNull(packed.getEntry("nl/example/Thing.class"));
        }
    }
}
