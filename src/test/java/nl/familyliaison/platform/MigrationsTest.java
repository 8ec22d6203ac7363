package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import nl.familyliaison.Main;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** The schema comes from migrations/ only; a broken file stops start-up and says which file it was. */
class MigrationsTest {

    @Test
    void aBrokenMigrationStopsStartUpAndNamesTheFile() throws IOException {
        Path folder = TestFolders.fresh("migrations-broken");
        try (var files = Files.list(Path.of("migrations"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.writeString(folder.resolve("V900__broken_on_purpose.sql"), "CREATE TABLE oops (id INT PRIMARY KEY,);\n");

        Map<String, String> settings = settingsWithMigrationsIn(folder.toString());
        Migrations.MigrationFailedException failure = assertThrows(
                Migrations.MigrationFailedException.class,
                () -> Main.start(TestService.config(settings), TestClock.at("2026-03-02T09:00:00Z")));
        assertTrue(failure.getMessage().contains("V900__broken_on_purpose.sql"), failure.getMessage());
    }

    @Test
    void aMissingFolderIsExplained() {
        Map<String, String> settings = settingsWithMigrationsIn("no-such-folder");
        Migrations.MigrationFailedException failure = assertThrows(
                Migrations.MigrationFailedException.class,
                () -> Main.start(TestService.config(settings), TestClock.at("2026-03-02T09:00:00Z")));
        assertTrue(failure.getMessage().contains("no-such-folder"), failure.getMessage());
    }

    @Test
    void migratingTwiceAppliesNothingTheSecondTime() {
        Map<String, String> settings = settingsWithMigrationsIn("migrations");
        try (Database database = Database.open(TestService.config(settings).get("db"), Path.of("unused"))) {
            assertTrue(Migrations.apply(database.dataSource(), Path.of("migrations")) > 0);
            assertEquals(0, Migrations.apply(database.dataSource(), Path.of("migrations")));
        }
    }

    private static Map<String, String> settingsWithMigrationsIn(String folder) {
        return Map.of("server.port", "0",
                      "db.url", TestDatabase.newDatabase(),
                      "db.user", "root",
                      "db.password", TestDatabase.password(),
                      "db.migrations", folder,
                      "data.dir", TestFolders.fresh("data").toString());
    }
}
