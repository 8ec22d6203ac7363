package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.helidon.config.Config;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of mails and the folder of their texts hold each other: every {@link MailTemplate} has a subject, a
 * plain text and an HTML body in every language the service speaks, and every folder is a template the code knows.
 * The languages come from the list ({@link Languages}), so a new language asks for its files here.
 */
class MailTemplateTest {

    private static final Path FOLDER = Path.of("mail-templates");
    private static final Languages LANGUAGES = Languages.load(Config.empty());

    @Test
    void everyTemplateHasItsFilesInEveryLanguage() {
        assertEquals(List.of(), missingFiles(FOLDER), "mail template files that are not there");
    }

    @Test
    void everyFolderIsATemplate() throws IOException {
        try (Stream<Path> entries = Files.list(FOLDER)) {
            List<String> unknown = entries.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> MailTemplate.byFolder(name).isEmpty())
                    .sorted()
                    .toList();
            assertEquals(List.of(), unknown, "folders under mail-templates/ that no MailTemplate names");
        }
    }

    @Test
    void theCheckSeesAFileThatIsGone(@TempDir Path copy) throws IOException {
        copyTemplates(copy);
        Files.delete(copy.resolve("new-message/en.html.mustache"));
        assertEquals(List.of("new-message/en.html.mustache"), missingFiles(copy));
    }

    @Test
    void aTemplateFileThatIsGoneIsToldByItsType(@TempDir Path copy) throws IOException {
        copyTemplates(copy);
        Files.delete(copy.resolve("new-update/nl.text.mustache"));
        MailTemplates templates = new MailTemplates(copy, "http://localhost/", LANGUAGES);
        assertThrows(MailTemplates.MissingTemplate.class,
                     () -> templates.render(MailTemplate.NEW_UPDATE, new Language("nl"), Map.of()));
        assertTrue(templates.render(MailTemplate.NEW_UPDATE, new Language("en"), Map.of()).subject().length() > 0,
                   "the other language is still there");
    }

    @Test
    void aStoredNameIsReadBackAsItsTemplate() {
        for (MailTemplate template : MailTemplate.values()) {
            assertEquals(template, MailTemplate.byFolder(template.folder()).orElseThrow());
            assertEquals(template.category(), Category.of(template.folder()));
        }
        assertTrue(MailTemplate.byFolder("a-removed-template").isEmpty());
    }

    private static List<String> missingFiles(Path folder) {
        return new MailTemplates(folder, "http://localhost/", LANGUAGES).missing();
    }

    private static void copyTemplates(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(FOLDER.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }
}
