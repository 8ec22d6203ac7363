package nl.familyliaison.platform;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.MessageFixture;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one MariaDB, as behind a load balancer, are one service: a session made on one works on
 * the other, a shared limit counts across both, each mail goes out once though both delivery workers run, and both
 * sealers extend one audit chain that verifies. (Under heavier load: notify.TwoWorkersTest delivers 1,000 mails
 * through two workers exactly once, audit.ConcurrentSealingTest seals from two pools at once, and
 * ratelimit.SharedRateLimitTest holds a limit exactly under concurrency.)
 */
class ScaleOutTest {

    private static final int POST_LIMIT = 6;

    @Test
    void twoInstancesOnOneDatabaseActAsOne() throws Exception {
        String database = TestDatabase.newDatabase();
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        // The chain head file lives on storage both instances write to, as it would in production.
        String headFile = TestFolders.fresh("scale-out-audit").resolve("chain-head.log").toString();
        try (TestService first = instance(database, clock, headFile);
             TestService second = instance(database, clock, headFile)) {
            People people = new People(first);
            People.Staff inspector = people.staff(Role.FAMILY_INSPECTOR, "scale-fi@inspectie.example");
            MessageFixture.Ids ids = MessageFixture.threadWithFile(
                    first, "SCALE-1", inspector,
                    people.staff(Role.INVESTIGATOR, "scale-inv@inspectie.example"), "scale@example.org");
            Api.Credentials session = people.signInMember("scale@example.org");

            Api onFirst = first.api().as(session);
            Api onSecond = second.api().as(session);
            assertEquals("scale@example.org", onSecond.get("/api/session").json().path("email").asText(),
                         "the session made on the first instance works on the second");
            assertEquals(200, onSecond.get("/api/cases/" + ids.caseId() + "/timeline").status());

            // Starting the thread took one post; the rest alternate between the instances until the shared limit.
            String messages = "/api/cases/" + ids.caseId() + "/threads/" + ids.threadId() + "/messages";
            for (int i = 1; i < POST_LIMIT; i++) {
                Api instance = i % 2 == 0 ? onFirst : onSecond;
                assertEquals(201, instance.post(messages, "{\"text\":\"Vraag " + i + "\"}").status(), "post " + i);
            }
            assertProblem(onFirst.post(messages, "{\"text\":\"Eén te veel\"}"), 429, "rate-limited");
            assertProblem(onSecond.post(messages, "{\"text\":\"Eén te veel\"}"), 429, "rate-limited");

            String inspectorEmail = inspector.account().email();
            await(() -> pending(database) == 0, "every mail delivered");
            Thread.sleep(1500); // two more polls of both workers: time for a second delivery, if there were one
            List<Mailbox.Received> toInspector = Mailbox.to(inspectorEmail);
            assertEquals(rowsFor(database, inspectorEmail), toInspector.size(), "one mail per outbox row, not two");
            assertEquals(toInspector.size(), toInspector.stream().map(Mailbox.Received::messageId).distinct().count());

            Api admin = second.api().as(new People(second).signInStaff(
                    people.staff(Role.ADMIN, "scale-admin@inspectie.example")));
            await(() -> admin.get("/api/audit/verification").json().path("pending").asLong() == 0,
                  "both sealers caught up");
            for (TestService instance : List.of(first, second)) {
                JsonNode verified = instance.api().as(admin.credentials()).get("/api/audit/verification").json();
                assertTrue(verified.path("ok").asBoolean(), verified::toString);
                assertTrue(verified.path("checked").asLong() > 10, verified::toString);
            }
        }
    }

    private static TestService instance(String database, TestClock clock, String headFile) {
        return TestService.builder().set("db.url", database).clock(clock).set("audit.head-file", headFile)
                .set("rate-limits.message-post-account.capacity", String.valueOf(POST_LIMIT)).start();
    }

    private static long pending(String database) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'", null);
    }

    private static long rowsFor(String database, String email) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM outbox WHERE recipient_email = ?", email);
    }

    private static long count(String database, String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, "root", TestDatabase.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!check.holds()) {
            assertTrue(Instant.now().isBefore(deadline), what + " within 30 seconds");
            Thread.sleep(100);
        }
    }
}
