package nl.familyliaison.ratelimit;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database are one service to a person guessing: the sign-in limits count across both,
 * and the general API limit counts per signed-in session, not per made-up cookie.
 */
class SignInLimitsAcrossInstancesTest {

    @Test
    void theCodeRequestLimitHoldsAcrossTwoInstances() {
        String database = TestDatabase.newDatabase();
        try (TestService first = TestService.builder().set("db.url", database)
                .set("rate-limits.code-request-address.capacity", "5").start();
             TestService second = TestService.builder().set("db.url", database)
                     .set("rate-limits.code-request-address.capacity", "5").start()) {
            String body = "{\"email\":\"limited@example.org\"}";
            for (int i = 0; i < 5; i++) {
                TestService instance = i % 2 == 0 ? first : second;
                assertEquals(202, instance.api().post("/api/sign-in/code-requests", body).status(), "request " + i);
            }
            Reply refused = first.api().post("/api/sign-in/code-requests", body);
            assertProblem(refused, 429, "rate-limited");
            assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
            assertProblem(second.api().post("/api/sign-in/code-requests", body), 429, "rate-limited");
            assertEquals(202, second.api().post("/api/sign-in/code-requests",
                                                "{\"email\":\"someone-else@example.org\"}").status(),
                         "another address has its own limit");
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
