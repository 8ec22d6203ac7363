package nl.familyliaison.platform;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import nl.familyliaison.support.LogRecords;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failure that quotes personal data ("Duplicate entry 'sam@example.org' for key …") is logged without it: the log
 * line keeps the kind of failure, the key and the stack trace. (A lost unique key is answered as a conflict.)
 */
class ScrubbedLogsTest {

    private static final String ADDRESS = "sam.scrubbed@example.org";
    private static TestService service;
    private static final LogRecords records = new LogRecords();

    @BeforeAll
    static void start() throws SQLException {
        service = TestService.builder()
                .routes(routes -> routes.post("/api/fixture/duplicate", ApiRoutes.PUBLIC, (req, res) -> {
                    insertTwice();
                    res.send("unreachable");
                }))
                .start();
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE fixture_people (email VARCHAR(200), UNIQUE KEY uq_fixture_email (email))");
        }
        Logger.getLogger(ErrorMapping.class.getName()).addHandler(records);
    }

    @AfterAll
    static void stop() {
        Logger.getLogger(ErrorMapping.class.getName()).removeHandler(records);
        service.close();
    }

    @Test
    void aDuplicateEntryIsLoggedWithoutTheAddress() {
        assertProblem(service.api().unchecked().post("/api/fixture/duplicate", "{}"), 409, "conflict");
        String logged = records.formatted();
        assertTrue(logged.contains("Duplicate entry '…' for key 'uq_fixture_email'"), logged);
        assertTrue(logged.contains("at nl.familyliaison.platform.ScrubbedLogsTest.insertTwice"), logged);
        assertFalse(logged.contains(ADDRESS), logged);
        assertFalse(logged.contains("example.org"), logged);
    }

    private static void insertTwice() {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO fixture_people VALUES (?)")) {
            insert.setString(1, ADDRESS);
            insert.execute();
            insert.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add " + ADDRESS, e);
        }
    }
}
