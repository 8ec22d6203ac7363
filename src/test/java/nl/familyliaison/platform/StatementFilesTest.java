package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement files are found both in a class folder and in a packaged jar, with nothing listed by hand. */
class StatementFilesTest {

    private static final List<String> ENTRIES = List.of("application.yaml", "statements/notify.yaml",
                                                        "statements/cases.yaml", "statements/old/gone.yaml",
                                                        "statements/README.txt", "other/statements/x.yaml");

    @Test
    void findsTheYamlFilesDirectlyInTheStatementsFolderOfAClassFolder(@TempDir Path classes) throws IOException {
        for (String entry : ENTRIES) {
            Path file = classes.resolve(entry);
            Files.createDirectories(file.getParent() == null ? classes : file.getParent());
            Files.writeString(file, "db: {}\n");
        }
        assertEquals(List.of("statements/cases.yaml", "statements/notify.yaml"), StatementFiles.in(classes));
    }

    /** Written without directory entries, as some packaging tools do: the listing must not depend on them. */
    @Test
    void findsTheYamlFilesDirectlyInTheStatementsFolderOfAJar(@TempDir Path folder) throws IOException {
        Path jar = folder.resolve("service.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            for (String entry : ENTRIES) {
                entries.putNextEntry(new ZipEntry(entry));
                entries.write("db: {}\n".getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        assertEquals(List.of("statements/cases.yaml", "statements/notify.yaml"), StatementFiles.in(jar));
    }

    @Test
    void aPlaceWithoutStatementFilesIsRefused(@TempDir Path classes) throws IOException {
        Files.createDirectories(classes.resolve("statements"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> StatementFiles.in(classes));
        assertEquals("No statements/*.yaml in " + classes, failure.getMessage());
    }
}
