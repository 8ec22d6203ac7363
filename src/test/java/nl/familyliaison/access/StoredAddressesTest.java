package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import javax.sql.DataSource;

import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Migrations;
import nl.familyliaison.signin.MemberSignInTest;
import nl.familyliaison.support.LogRecords;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Addresses that migration V14 could not make canonical (a Unicode domain, a decomposed local part) are written in
 * canonical form when the service starts, so the person can sign in again; one whose canonical form another row
 * holds is left as it is, and two accounts never become one.
 */
class StoredAddressesTest {

    private static final String ANNA = "anna@bücher.example";
    private static final String ANNA_CANONICAL = "anna@xn--bcher-kva.example";
    private static final String ZOE_NFC = Normalizer.normalize("zoë@example.org", Normalizer.Form.NFC);
    private static final String ZOE_NFD = Normalizer.normalize(ZOE_NFC, Normalizer.Form.NFD);
    private static final String BRAM = "bram@bücher.example";
    private static final String BRAM_CANONICAL = "bram@xn--bcher-kva.example";

    private static TestService service;
    private static final Map<String, String> ACCOUNTS = new HashMap<>();
    private static final Map<String, String> MAILS = new HashMap<>();

    /** The rows are stored as V14 left them, before the service first starts on the database. */
    @BeforeAll
    static void storeOldAddressesAndStart() throws SQLException {
        String database = TestDatabase.newDatabase();
        try (Database db = migrated(database); Connection connection = db.dataSource().getConnection()) {
            for (String email : List.of(ANNA, ZOE_NFD, BRAM, BRAM_CANONICAL)) {
                ACCOUNTS.put(email, insertAccount(connection, email));
            }
            for (String email : List.of(ANNA, BRAM, BRAM_CANONICAL)) {
                MAILS.put(email, insertMail(connection, "old-mail", email));
            }
        }
        service = TestService.builder().set("db.url", database).start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aUnicodeDomainAndADecomposedLocalPartAreStoredInCanonicalForm() {
        assertEquals(ANNA_CANONICAL, email("account", ACCOUNTS.get(ANNA)));
        assertEquals(ZOE_NFC, email("account", ACCOUNTS.get(ZOE_NFD)));
        assertEquals(ANNA_CANONICAL, email("outbox", MAILS.get(ANNA)), "mail queued to her too");
    }

    @Test
    void theMemberSignsInTypingTheUnicodeForm() {
        int before = Mailbox.to(ANNA_CANONICAL, People.CODE_SUBJECT).size();
        People.CodeRequest request = service.people().requestCode(ANNA);
        String code = Mailbox.code(Mailbox.awaitNew(ANNA_CANONICAL, People.CODE_SUBJECT, before), 8);
        Reply checked = service.api().post("/api/sign-in/code-checks",
                                           MemberSignInTest.check(request.challengeId(), code));
        assertEquals(200, checked.status(), checked::toString);
        assertEquals(ACCOUNTS.get(ANNA), checked.json().path("accountId").asText());
    }

    @Test
    void theMemberWithADecomposedAddressIsFoundByTheTypedForm() {
        String challenge = service.people().requestCode(ZOE_NFC).challengeId();
        assertEquals(ACCOUNTS.get(ZOE_NFD), query(service.running().database().dataSource(),
                                                  "SELECT account_id FROM sign_in_challenge WHERE id = ?", challenge),
                     "the code was made for her account");
    }

    @Test
    void anAddressWhoseCanonicalFormIsTakenIsLeftAsItIs() {
        assertEquals(BRAM, email("account", ACCOUNTS.get(BRAM)), "not merged into the other account");
        assertEquals(BRAM_CANONICAL, email("account", ACCOUNTS.get(BRAM_CANONICAL)));
        assertEquals(BRAM, email("outbox", MAILS.get(BRAM)));
        assertEquals(BRAM_CANONICAL, email("outbox", MAILS.get(BRAM_CANONICAL)));
    }

    /** On a database of its own, as two instances starting at once on one that no service has touched yet. */
    @Test
    void instancesStartingAtOnceRewriteEachAddressOnce() throws SQLException {
        try (Database db = migrated(TestDatabase.newDatabase())) {
            AccountRepository accounts = new AccountRepository(db.client());
            List<String> ids = new ArrayList<>();
            try (Connection connection = db.dataSource().getConnection()) {
                for (String email : List.of("eva@münchen.example", "joost@zürich.example", BRAM, BRAM_CANONICAL)) {
                    ids.add(insertAccount(connection, email));
                }
            }
            LogRecords records = new LogRecords();
            Logger log = Logger.getLogger(StoredAddresses.class.getName());
            log.addHandler(records);
            try {
                List<CompletableFuture<Long>> starts = List.of(
                        CompletableFuture.supplyAsync(() -> StoredAddresses.ofAccounts(accounts)
                                .canonicaliseRemaining()),
                        CompletableFuture.supplyAsync(() -> StoredAddresses.ofAccounts(accounts)
                                .canonicaliseRemaining()));
                assertEquals(2L, starts.stream().mapToLong(CompletableFuture::join).sum(), "each row once");
            } finally {
                log.removeHandler(records);
            }
            assertEquals(List.of("eva@xn--mnchen-3ya.example", "joost@xn--zrich-kva.example", BRAM, BRAM_CANONICAL),
                         ids.stream().map(id -> email(db.dataSource(), "account", id)).toList());
            assertTrue(records.formatted().contains("account " + ids.get(2) + " keeps"), records::formatted);
            assertFalse(records.formatted().contains("@"), "no address in the log: " + records.formatted());
            assertEquals(0L, StoredAddresses.ofAccounts(accounts).canonicaliseRemaining(), "nothing left to do");
        }
    }

    private static Database migrated(String url) {
        Database db = Database.open(TestService.config(Map.of("db.url", url, "db.user", "root", "db.password",
                                                              TestDatabase.password())).get("db"),
                                    Path.of("unused"));
        Migrations.apply(db.dataSource(), Path.of("migrations"));
        return db;
    }

    private static String insertAccount(Connection connection, String email) throws SQLException {
        String id = UUID.randomUUID().toString();
        update(connection, "INSERT INTO account (id, role, email, display_name, status, language, created_at,"
                           + " updated_at) VALUES (?, 'MEMBER', ?, 'Someone', 'ACTIVE', 'nl', NOW(6), NOW(6))",
               id, email);
        return id;
    }

    /** A mail that waits far in the future, so no worker delivers it during the test. */
    private static String insertMail(Connection connection, String eventKey, String email) throws SQLException {
        String id = UUID.randomUUID().toString();
        update(connection, "INSERT INTO outbox (id, event_key, recipient_email, template, language, priority, status,"
                           + " created_at, due_at) VALUES (?, ?, ?, 'sign-in-code', 'nl', 1, 'PENDING', NOW(6),"
                           + " '2099-01-01')", id, eventKey, email);
        return id;
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String email(String table, String id) {
        return email(service.running().database().dataSource(), table, id);
    }

    private static String email(DataSource data, String table, String id) {
        String column = table.equals("account") ? "email" : "recipient_email";
        return query(data, "SELECT " + column + " FROM " + table + " WHERE id = ?", id);
    }

    private static String query(DataSource data, String sql, String id) {
        try (Connection connection = data.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
