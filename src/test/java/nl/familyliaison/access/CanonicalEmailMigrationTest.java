package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Migrations;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** Addresses stored before V14 are case-folded by it, and from then on compared byte for byte. */
class CanonicalEmailMigrationTest {

    private static final int CANONICAL_VERSION = 14;

    @Test
    void existingAddressesAreFoldedAndAccentsBecomeDistinct() throws IOException, SQLException {
        Path folder = TestFolders.fresh("migrations-before-v14");
        copyMigrations(folder, version -> version < CANONICAL_VERSION);
        Map<String, String> settings = Map.of("db.url", TestDatabase.newDatabase(), "db.user", "root",
                                              "db.password", TestDatabase.password());
        try (Database database = Database.open(TestService.config(settings).get("db"), Path.of("unused"))) {
            Migrations.apply(database.dataSource(), folder);
            try (Connection connection = database.dataSource().getConnection()) {
                insert(connection, " Sam.Jansen@Example.ORG ");
                insert(connection, "anna@example.org");

                copyMigrations(folder, version -> true);
                Migrations.apply(database.dataSource(), folder);

                assertEquals(List.of("anna@example.org", "sam.jansen@example.org"), emails(connection));
                assertDoesNotThrow(() -> insert(connection, "ánna@example.org"), "another address now");
                assertEquals(1, count(connection, "anna@example.org"));
            }
        }
    }

    private static void copyMigrations(Path folder, java.util.function.IntPredicate versions) throws IOException {
        try (var files = Files.list(Path.of("migrations"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")).split("[._]")[0]);
                if (versions.test(version) && !Files.exists(folder.resolve(name))) {
                    Files.copy(file, folder.resolve(name));
                }
            }
        }
    }

    private static void insert(Connection connection, String email) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO account (id, role, email, display_name, status, language, created_at, updated_at)"
                + " VALUES (?, 'MEMBER', ?, 'Someone', 'INVITED', 'nl', NOW(6), NOW(6))")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, email);
            statement.executeUpdate();
        }
    }

    private static List<String> emails(Connection connection) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT email FROM account ORDER BY email");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                emails.add(rows.getString(1));
            }
        }
        return emails;
    }

    private static int count(Connection connection, String email) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM account WHERE email = ?")) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
