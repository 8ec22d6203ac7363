package nl.familyliaison.signin;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import nl.familyliaison.access.Role;

/**
 * Someone guessing a colleague's password from one machine is stopped at that machine (429 for the account and IP
 * together) and slows further attempts on the account down, but never locks the colleague out: from their own IP
 * they sign in as usual, only a little later.
 */
class StaffLockOutTest {

    private static final String ATTACKER = "198.51.100.66";
    private static final String OTHER_ATTACKER = "198.51.100.67";
    private static final String COLLEAGUE = "203.0.113.10";
    private static final Duration DELAY = Duration.ofMillis(300);

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            // Every test request comes from 127.0.0.1: as a trusted proxy it tells us the client's address.
            .set("http.trusted-proxies", "127.0.0.1, ::1")
            .set("rate-limits.staff-password-account-ip.capacity", "3")
            // Fewer than the attacker's 3 failures, so the colleague's attempt comes past the account's limit.
            .set("rate-limits.staff-password-account.capacity", "2")
            .set("sign-in.staff-delay", "PT" + DELAY.toMillis() / 1000.0 + "S")
            .set("sign-in.staff-delay-max", "PT1S"));

    @Test
    void failuresFromOneIpDoNotLockOutTheColleagueAtAnother() {
        People.Staff colleague = service.people().staff(Role.FAMILY_INSPECTOR, "colleague@inspectie.example");
        service.clock().advance(Duration.ofSeconds(30));
        String email = colleague.account().email();
        for (int i = 0; i < 3; i++) {
            assertProblem(signIn(email, "A wrong guess " + i, "000000", ATTACKER), 401, "sign-in-failed");
        }
        Reply stopped = signIn(email, "A wrong guess", "000000", ATTACKER);
        assertProblem(stopped, 429, "rate-limited");
        assertTrue(Integer.parseInt(stopped.header("Retry-After")) >= 1, stopped::toString);
        assertProblem(signIn(email, People.STAFF_PASSWORD, colleague.codeNow(service.clock()), ATTACKER), 429,
                      "rate-limited");

        long started = System.nanoTime();
        Reply colleagueIn = signIn(email, People.STAFF_PASSWORD, colleague.codeNow(service.clock()), COLLEAGUE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, colleagueIn.status(), colleagueIn::toString);
        assertTrue(took.compareTo(DELAY) >= 0, "past the account's failure limit an attempt waits first: " + took);
    }

    @Test
    void guessingFromManyIpsIsSlowedNotRefused() {
        People.Staff target = service.people().staff(Role.INVESTIGATOR, "target@inspectie.example");
        service.clock().advance(Duration.ofSeconds(30));
        String email = target.account().email();
        for (int i = 0; i < 3; i++) {
            assertProblem(signIn(email, "A wrong guess " + i, "000000", ATTACKER), 401, "sign-in-failed");
        }
        for (int i = 0; i < 3; i++) {
            assertProblem(signIn(email, "Another wrong guess " + i, "000000", OTHER_ATTACKER), 401,
                          "sign-in-failed");
        }
        Reply ok = signIn(email, People.STAFF_PASSWORD, target.codeNow(service.clock()), COLLEAGUE);
        assertEquals(200, ok.status(), ok::toString);
    }

    private static Reply signIn(String email, String password, String code, String ip) {
        return service.api().post("/api/sign-in/staff", People.staffSignIn(email, password, code),
                                  "X-Forwarded-For", ip);
    }
}
