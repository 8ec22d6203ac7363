package nl.familyliaison.ratelimit;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database are one service to a person guessing: the sign-in limits count across both
 * (past the per-address one, "send me a code" answers as before and only stops mailing), and the general API limit counts per signed-in session, not per made-up cookie.
 */
class SignInLimitsAcrossInstancesTest {

    @Test
    void theCodeRequestLimitHoldsAcrossTwoInstancesAndOnlyStopsTheMail() {
        String database = TestDatabase.newDatabase();
        try (TestService first = TestService.builder().set("db.url", database)
                .set("rate-limits.code-request-address.capacity", "5").start();
             TestService second = TestService.builder().set("db.url", database)
                     .set("rate-limits.code-request-address.capacity", "5").start()) {
            String address = "limited-" + System.nanoTime() + "@example.org";
            new People(first).member(address);
            String body = "{\"email\":\"" + address + "\"}";
            Reply below = null;
            for (int i = 0; i < 5; i++) {
                TestService instance = i % 2 == 0 ? first : second;
                below = instance.api().post("/api/sign-in/code-requests", body);
                assertEquals(202, below.status(), "request " + i);
                Mailbox.awaitNew(address, People.CODE_SUBJECT, i);
            }
            // Past the limit: the same answer as below it, but no sixth or seventh mail.
            Reply past = first.api().post("/api/sign-in/code-requests", body);
            assertEquals(202, past.status(), past::toString);
            assertEquals(below.body().length(), past.body().length());
            assertEquals(fieldNames(below), fieldNames(past));
            assertNull(past.header("Retry-After"));
            assertEquals(202, second.api().post("/api/sign-in/code-requests", body).status());
            // A later mail to another member shows the delivery ran past the refused ones.
            String other = "someone-else-" + System.nanoTime() + "@example.org";
            new People(second).member(other);
            assertEquals(202, second.api().post("/api/sign-in/code-requests",
                                                "{\"email\":\"" + other + "\"}").status(),
                         "another address has its own limit");
            Mailbox.await(other, People.CODE_SUBJECT);
            sleepQuietly(500);
            assertEquals(5, Mailbox.to(address, People.CODE_SUBJECT).size(), "no mail past the limit");
        }
    }

    private static List<String> fieldNames(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.json().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theGeneralLimitCountsPerSignedInSession() {
        try (TestService service = TestService.builder().set("rate-limits.api-client.capacity", "8").start()) {
            People people = new People(service);
            people.member("limit-a@example.org");
            people.member("limit-b@example.org");
            var a = service.api().as(people.signInMember("limit-a@example.org"));
            var b = service.api().as(people.signInMember("limit-b@example.org"));
            for (int i = 0; i < 8; i++) {
                assertEquals(200, a.get("/api/session").status(), "request " + i);
            }
            assertProblem(a.get("/api/session"), 429, "rate-limited");
            assertEquals(200, b.get("/api/session").status(), "another session has its own count");
        }
    }
}
