package nl.familyliaison.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Migrations;

/**
 * A fresh, migrated database of the shared test MariaDB and nothing else: for tests of rules that store what they
 * decide, without an HTTP server in between.
 */
public final class RuleDatabase {

    private RuleDatabase() {
    }

    /** Opens a new database with the schema of migrations/; the caller closes it. */
    public static Database open() {
        Database database = Database.open(TestService.config(Map.of(
                "db.url", TestDatabase.newDatabase(), "db.user", "root",
                "db.password", TestDatabase.password())).get("db"), TestFolders.fresh("rule-data"));
        Migrations.apply(database.dataSource(), Path.of("migrations"));
        return database;
    }

    /** The key ring of the test services (the same test key). */
    public static KeyRing keys() {
        return KeyRing.create(TestService.config(Map.of("crypto.keys", "test-1:" + TestService.TEST_KEY))
                                      .get("crypto"), Optional.empty());
    }
}
