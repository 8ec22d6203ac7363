package nl.familyliaison.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Role;
import nl.familyliaison.access.Session;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Migrations;

/**
 * A fresh, migrated database of the shared test MariaDB and nothing else: for tests of rules that store what they
 * decide, without an HTTP server in between.
 */
public final class RuleDatabase implements AutoCloseable {

    private final Database database;
    private final KeyRing keys;

    private RuleDatabase(Database database) {
        this.database = database;
        this.keys = KeyRing.create(TestService.config(Map.of("crypto.keys", "test-1:" + TestService.TEST_KEY))
                                           .get("crypto"), Optional.empty());
    }

    /** Opens a new database with the schema of migrations/. */
    public static RuleDatabase open() {
        Database database = Database.open(TestService.config(Map.of(
                "db.url", TestDatabase.newDatabase(), "db.user", "root",
                "db.password", TestDatabase.password())).get("db"), TestFolders.fresh("rule-data"));
        Migrations.apply(database.dataSource(), Path.of("migrations"));
        return new RuleDatabase(database);
    }

    public DbClient client() {
        return database.client();
    }

    /** The key ring of the test services (the same test key). */
    public KeyRing keys() {
        return keys;
    }

    /** The outbox as the service has it: mails stored with their rows, none sent here. */
    public Outbox outbox(Clock clock) {
        return Outbox.over(client(), keys, clock, new Language("nl"));
    }

    /** A new active account with this role, acting in a session of its own. */
    public Actor actor(Role role, String email, Instant now) {
        Account account = new Account(Ids.newId(), role, email, "Person", Account.Status.ACTIVE, new Language("nl"));
        new AccountRepository(client()).insert(account, now);
        return new Actor(new Session(Ids.newId(), account, "csrf", "test", now, now, now.plusSeconds(3600), null),
                         new Caller("test-request", "127.0.0.1"));
    }

    @Override
    public void close() {
        database.close();
    }
}
