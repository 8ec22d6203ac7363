package nl.familyliaison.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A successful sign-in, a sign-out and ending one's other session append their event in the same transaction as the
 * session's row: when MariaDB (a trigger the test creates) refuses the event, the request fails and the session is
 * as it was; otherwise each leaves exactly one event, about the account.
 */
class SessionEventsInTheWriteTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final String EVENTS = "SELECT COUNT(*) FROM audit_event WHERE action = ? AND outcome = 'SUCCEEDED'"
                                         + " AND object_type = 'account' AND object_id = ? AND actor_account_id = ?";
    private static final String SESSIONS = "SELECT COUNT(*) FROM session WHERE account_id = ?";
    private static final String OPEN = "SELECT COUNT(*) FROM session WHERE account_id = ? AND ended_at IS NULL";

    @Test
    void aMemberSignInWhoseEventCannotBeStoredStartsNoSession() throws SQLException {
        Account member = service.people().member("tx-member@example.org");
        People.CodeRequest first = service.people().requestCode(member.email());
        String code = first.awaitCode();
        Reply refused = refusing("sign-in.member", () -> service.api().unchecked().post(
                "/api/sign-in/code-checks",
                "{\"challengeId\":\"" + first.challengeId() + "\",\"code\":\"" + code + "\"}"));
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(0, count(SESSIONS, member.id()), "no session without its event");

        service.people().signInMember(member.email());
        assertEquals(1, count(SESSIONS, member.id()));
        assertEquals(1, count(EVENTS, "sign-in.member", member.id(), member.id()));
    }

    @Test
    void aStaffSignInWhoseEventCannotBeStoredStartsNoSession() throws SQLException {
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "tx-staff@inspectie.example");
        String id = staff.account().id();
        long enrolled = count(SESSIONS, id); // enrolment signs in too
        service.clock().advance(Duration.ofSeconds(30));
        Reply refused = refusing("sign-in.staff", () -> service.api().unchecked().post(
                "/api/sign-in/staff", People.staffSignIn(staff.account().email(), People.STAFF_PASSWORD,
                                                         staff.codeNow(service.clock()))));
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(enrolled, count(SESSIONS, id), "no session without its event");

        service.people().signInStaff(staff);
        assertEquals(enrolled + 1, count(SESSIONS, id));
        assertEquals(1, count(EVENTS, "sign-in.staff", id, id));
    }

    @Test
    void aSignOutWhoseEventCannotBeStoredLeavesTheSessionOpen() throws SQLException {
        Account member = service.people().member("tx-out@example.org");
        Api api = service.api().as(service.people().signInMember(member.email()));
        Reply refused = refusing("sign-out", () -> api.unchecked().delete("/api/session"));
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(1, count(OPEN, member.id()), "the session stays open");
        assertEquals(200, api.get("/api/session").status());

        assertEquals(204, api.delete("/api/session").status());
        assertEquals(0, count(OPEN, member.id()));
        assertEquals(1, count(EVENTS, "sign-out", member.id(), member.id()));
    }

    @Test
    void endingAnotherSessionWhoseEventCannotBeStoredLeavesItOpen() throws SQLException {
        Account member = service.people().member("tx-end@example.org");
        Api phone = service.api().as(service.people().signInMember(member.email()));
        Api laptop = service.api().as(service.people().signInMember(member.email()));
        String phoneSession = null;
        for (JsonNode session : laptop.get("/api/sessions").json().path("sessions")) {
            if (!session.path("current").asBoolean()) {
                phoneSession = session.path("id").asText();
            }
        }
        String path = "/api/sessions/" + phoneSession;
        Reply refused = refusing("session.end", () -> laptop.unchecked().delete(path));
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(2, count(OPEN, member.id()), "both sessions stay open");
        assertEquals(200, phone.get("/api/session").status());

        assertEquals(204, laptop.delete(path).status());
        assertEquals(1, count(OPEN, member.id()));
        assertEquals(1, count(EVENTS, "session.end", member.id(), member.id()));
    }

    private static Reply refusing(String action, Supplier<Reply> request) throws SQLException {
        return Sql.refusingEvent(service, action, request);
    }

    private static long count(String query, Object... parameters) throws SQLException {
        return Sql.count(service, query, parameters);
    }
}
