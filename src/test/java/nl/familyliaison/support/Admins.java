package nl.familyliaison.support;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;

/**
 * Two signed-in administrators, because a staff account or a case's staff takes two: one asks, the other approves.
 * Tests that set up staff over the API go through here, so the four-eyes steps live in one place.
 */
public record Admins(People.Staff asking, People.Staff approving, Api askingApi, Api approvingApi) {

    /** Two new administrators named after {@code label}, signed in. */
    public static Admins create(TestService service, String label) {
        People people = service.people();
        People.Staff asking = people.staff(Role.ADMIN, label + "-asking-admin@inspectie.example");
        People.Staff approving = people.staff(Role.ADMIN, label + "-approving-admin@inspectie.example");
        return new Admins(asking, approving, service.api().as(people.signInStaff(asking)),
                          service.api().as(people.signInStaff(approving)));
    }

    /** Sets a case's staff: asked by the first administrator, approved by the second. */
    public JsonNode assignStaff(String caseId, String familyInspectorId, List<String> investigatorIds) {
        String body = "{\"familyInspectorId\":\"" + familyInspectorId + "\",\"investigatorIds\":["
                      + investigatorIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
        Reply asked = askingApi.send("PUT", "/api/cases/" + caseId + "/staff", "application/json", body.getBytes());
        return approve(asked);
    }

    /** Approves what the first administrator asked for (a 202 answer) as the second; answers the decided request. */
    public JsonNode approve(Reply asked) {
        expect(202, asked);
        Reply approved = approvingApi.post("/api/approval-requests/" + asked.json().path("id").asText() + "/approval",
                                           "{}");
        expect(200, approved);
        return approved.json();
    }

    private static void expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ": " + reply);
        }
    }
}
