package nl.familyliaison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** The one-off commands: the first administrator, and verifying the audit trail from the command line. */
class CommandsTest {

    @Test
    void theFirstTwoAdministratorsAreCreatedWithAnEnrolmentLinkAndNoThird() {
        Config config = config(TestDatabase.newDatabase());
        Output first = run(config, "create-admin", "first.admin@inspectie.example", "Anna", "de", "Vries");
        assertEquals(0, first.code(), first.text());
        assertTrue(first.text().matches("(?s).*http://127\\.0\\.0\\.1:8080/#enrol=[A-Za-z0-9_-]{43}.*"), first.text());
        Output second = run(config, "create-admin", "second.admin@inspectie.example", "Bert");
        assertEquals(0, second.code(), "four eyes need a second administrator: " + second.text());
        assertTrue(second.text().contains("second.admin@inspectie.example"), second.text());
        Output third = run(config, "create-admin", "third.admin@inspectie.example", "Cor");
        assertEquals(1, third.code(), "a third administrator is asked for and approved in the service");
        assertTrue(third.text().contains("approved by another"), third.text());
        try (TestService service = TestService.builder().set("db.url", config.get("db.url").asString().get())
                .set("data.dir", config.get("data.dir").asString().get()).start()) {
            List<String> admins = service.running().features().staffAccounts().list().stream()
                    .filter(account -> account.role() == Role.ADMIN).map(Account::email).sorted().toList();
            assertEquals(List.of("first.admin@inspectie.example", "second.admin@inspectie.example"), admins);
        }
    }

    @Test
    void verifyAuditReportsOkAndThenTheBreak() throws Exception {
        String url = TestDatabase.newDatabase();
        Config config = config(url);
        run(config, "create-admin", "chain.admin@inspectie.example", "Chain Admin");
        try (TestService service = TestService.builder().set("db.url", url)
                .set("data.dir", config.get("data.dir").asString().get()).start()) {
            service.api().post("/api/sign-in/code-requests", "{\"email\":\"someone@example.org\"}");
            service.running().features().sealer().sealPending();
        }
        Output ok = run(config, "verify-audit");
        assertEquals(0, ok.code(), ok.text());
        assertTrue(ok.text().startsWith("Audit chain OK"), ok.text());
        try (Connection connection = DriverManager.getConnection(url, "root", TestDatabase.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_event WHERE chain_position = 1");
        }
        Output broken = run(config, "verify-audit");
        assertEquals(1, broken.code());
        assertTrue(broken.text().contains("BROKEN at position 1"), broken.text());
        try (Connection connection = DriverManager.getConnection(url, "root", TestDatabase.password());
             Statement statement = connection.createStatement();
             ResultSet runs = statement.executeQuery(
                     "SELECT outcome FROM audit_event WHERE action = 'audit.verify' ORDER BY seq")) {
            List<String> outcomes = new ArrayList<>();
            while (runs.next()) {
                outcomes.add(runs.getString(1));
            }
            assertEquals(List.of("SUCCEEDED", "FAILED"), outcomes, "each verification run is audited");
        }
    }

    @Test
    void theEnrolmentLinkPointsToTheServersOwnPort() {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "db.url", TestDatabase.newDatabase(), "db.user", "root", "db.password", TestDatabase.password(),
                "data.dir", TestFolders.fresh("commands").toString(), "server.port", "9191",
                "crypto.keys", "test-1:dGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY="));
        Output created = run(TestService.config(settings), "create-admin", "port.admin@inspectie.example", "Port");
        assertTrue(created.text().contains("http://127.0.0.1:9191/#enrol="), created.text());
    }

    @Test
    void anUnknownCommandSaysWhatExists() {
        Output output = run(config(TestDatabase.newDatabase()), "drop-everything");
        assertEquals(2, output.code());
        assertTrue(output.text().contains("create-admin"));
    }

    private record Output(int code, String text) {
    }

    private static Output run(Config config, String... words) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Commands.run(Commands.words(words), config, TestClock.at("2026-03-02T09:00:00Z"),
                                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Config config(String url) {
        return TestService.config(Map.of("db.url", url, "db.user", "root", "db.password", TestDatabase.password(),
                                         "data.dir", TestFolders.fresh("commands").toString(),
                                         "crypto.keys", "test-1:dGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY="));
    }

}
