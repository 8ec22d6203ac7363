package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-ins and refusals land in the audit trail with who, what, outcome, request id and address; an administrator
 * verifies the chain over HTTP and sees the first changed event named.
 */
class AuditTrailOverHttpTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void signInsAndRefusalsAreAudited() throws Exception {
        service.people().member("audited@example.org");
        Api member = service.api().as(service.people().signInMember("audited@example.org"));
        service.api().post("/api/sign-in/staff", People.staffSignIn("nobody@inspectie.example", "whatever it is",
                                                                    "000000"));
        String refusedRequest = member.unchecked().get("/api/staff").header("X-Request-Id");

        List<String> events = events();
        assertTrue(events.contains("sign-in.member SUCCEEDED MEMBER"), events::toString);
        assertTrue(events.contains("sign-in.staff FAILED null"), events::toString);
        assertTrue(events.contains("access.refused DENIED MEMBER"), events::toString);
        assertTrue(requestIds().contains(refusedRequest), "the refusal carries its request id");
    }

    @Test
    void anAdministratorVerifiesTheChainAndSeesABreak() throws Exception {
        People.Staff admin = service.people().staff(Role.ADMIN, "verifier@inspectie.example");
        Api api = service.api().as(service.people().signInStaff(admin));
        service.running().features().sealer().sealPending();
        JsonNode ok = api.get("/api/audit/verification").json();
        assertTrue(ok.path("ok").asBoolean(), ok::toString);
        assertTrue(ok.path("checked").asLong() > 0);

        String changed;
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT id FROM audit_event WHERE chain_position = 1")) {
                row.next();
                changed = row.getString(1);
            }
            statement.executeUpdate("UPDATE audit_event SET action = 'sign-out' WHERE chain_position = 1");
        }
        JsonNode broken = api.get("/api/audit/verification").json();
        assertFalse(broken.path("ok").asBoolean());
        assertEquals(changed, broken.path("firstBreak").path("eventId").asText());
        assertEquals(1, broken.path("firstBreak").path("position").asLong());
    }

    private static List<String> events() throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT action, outcome, actor_role FROM audit_event")) {
            while (rows.next()) {
                events.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return events;
    }

    private static List<String> requestIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT request_id FROM audit_event")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
