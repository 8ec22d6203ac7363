package nl.familyliaison.access;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions end by idleness, by age, by signing out, by the owner from elsewhere, and when an account is disabled. */
class SessionsTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        service.people().member("idle@example.org");
        Api api = service.api().as(service.people().signInMember("idle@example.org"));
        service.clock().advance(Duration.ofMinutes(29));
        assertEquals(200, api.get("/api/session").status(), "activity keeps it alive");
        service.clock().advance(Duration.ofMinutes(29));
        assertEquals(200, api.get("/api/session").status());
        service.clock().advance(Duration.ofMinutes(31));
        assertProblem(api.get("/api/session"), 401, "sign-in-required");
    }

    @Test
    void aSessionEndsAfterTwelveHoursWhateverHappens() {
        service.people().member("long@example.org");
        Api api = service.api().as(service.people().signInMember("long@example.org"));
        for (int i = 0; i < 35; i++) {
            service.clock().advance(Duration.ofMinutes(20));
            assertEquals(200, api.get("/api/session").status(), "still within 12 hours at step " + i);
        }
        service.clock().advance(Duration.ofMinutes(20));
        assertProblem(api.get("/api/session"), 401, "sign-in-required");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        service.people().member("out@example.org");
        Api api = service.api().as(service.people().signInMember("out@example.org"));
        Reply out = api.delete("/api/session");
        assertEquals(204, out.status());
        assertTrue(out.headers().allValues("Set-Cookie").getFirst().contains("Max-Age=0"));
        assertProblem(api.get("/api/session"), 401, "sign-in-required");
    }

    @Test
    void aPersonSeesTheirSessionsAndEndsTheOthers() {
        service.people().member("two@example.org");
        Api phone = service.api().as(service.people().signInMember("two@example.org"));
        Api laptop = service.api().as(service.people().signInMember("two@example.org"));
        JsonNode sessions = laptop.get("/api/sessions").json().path("sessions");
        assertEquals(2, sessions.size());
        String phoneSession = null;
        for (JsonNode session : sessions) {
            if (!session.path("current").asBoolean()) {
                phoneSession = session.path("id").asText();
            }
        }
        assertEquals(204, laptop.delete("/api/sessions/" + phoneSession).status());
        assertProblem(phone.get("/api/session"), 401, "sign-in-required");
        assertEquals(200, laptop.get("/api/session").status());
        assertEquals(1, laptop.get("/api/sessions").json().path("sessions").size());
    }

    @Test
    void nobodyEndsSomeoneElsesSession() {
        service.people().member("mine@example.org");
        service.people().member("theirs@example.org");
        Api mine = service.api().as(service.people().signInMember("mine@example.org"));
        Api theirs = service.api().as(service.people().signInMember("theirs@example.org"));
        String theirSession = theirs.get("/api/sessions").json().path("sessions").path(0).path("id").asText();
        assertProblem(mine.delete("/api/sessions/" + theirSession), 404, "not-found");
        assertProblem(mine.delete("/api/sessions/not-an-id"), 404, "not-found");
        assertEquals(200, theirs.get("/api/session").status());
    }

    @Test
    void aDisabledAccountIsRefusedOnItsNextRequest() {
        People.Staff admin = service.people().staff(Role.ADMIN, "admin@inspectie.example");
        People.Staff inspector = service.people().staff(Role.FAMILY_INSPECTOR, "leaving@inspectie.example");
        Api adminApi = service.api().as(service.people().signInStaff(admin));
        Api inspectorApi = service.api().as(service.people().signInStaff(inspector));
        assertEquals(200, inspectorApi.get("/api/session").status());
        Reply disabled = adminApi.post("/api/staff/" + inspector.account().id() + "/disable", "{}");
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals("DISABLED", disabled.json().path("status").asText());
        assertProblem(inspectorApi.get("/api/session"), 401, "sign-in-required");
    }
}
