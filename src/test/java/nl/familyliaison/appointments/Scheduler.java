package nl.familyliaison.appointments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.familyliaison.platform.Json;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;

/** The scheduling routes as a client calls them (each answer checked against the contract by {@link Api}). */
final class Scheduler {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String INVITATION_MAIL = "U bent uitgenodigd voor een gesprek|You are invited to an interview";
    static final String CONFIRMED_MAIL = "Uw gesprek is vastgelegd|Your interview has been arranged";
    static final String STAFF_REMINDER_MAIL = "Herinnering: u heeft binnenkort een gesprek met een familie"
                                              + "|Reminder: you have an interview with a family soon";
    static final String REMINDER_MAIL = "Herinnering: u heeft binnenkort een gesprek|Reminder: you have an interview soon";

    private final CaseFiles cases;

    Scheduler(TestService service) {
        this.cases = new CaseFiles(service);
    }

    /** Cases with a family inspector, an investigator and members, made over the API. */
    CaseFiles cases() {
        return cases;
    }

    /** A time given as Amsterdam wall-clock time, e.g. {@code "2026-03-05T10:00"}. */
    static Instant local(String wallClock) {
        return LocalDateTime.parse(wallClock).atZone(AMSTERDAM).toInstant();
    }

    /** A proposal body: slots as start, end pairs; members by membership id. */
    static ObjectNode proposal(List<Instant> startsAndEnds, String... memberIds) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode slots = body.putArray("slots");
        for (int i = 0; i + 1 < startsAndEnds.size(); i += 2) {
            slots.addObject().put("start", startsAndEnds.get(i).toString())
                    .put("end", startsAndEnds.get(i + 1).toString());
        }
        body.put("mode", "IN_PERSON").put("place", "Turfmarkt 147, Den Haag").put("note", "Neem gerust iemand mee.");
        ArrayNode members = body.putArray("memberIds");
        for (String memberId : memberIds) {
            members.add(memberId);
        }
        return body;
    }

    /** Hour-long slots starting at these Amsterdam wall-clock times. */
    static List<Instant> hourLong(String... wallClockStarts) {
        List<Instant> times = new ArrayList<>();
        for (String start : wallClockStarts) {
            Instant at = local(start);
            times.add(at);
            times.add(at.plusSeconds(3600));
        }
        return times;
    }

    static Reply propose(Api api, String caseId, JsonNode body) {
        return api.post("/api/cases/" + caseId + "/interview-proposals", body.toString());
    }

    static JsonNode proposed(Api api, String caseId, JsonNode body) {
        return expect(201, propose(api, caseId, body));
    }

    static Reply answer(Api api, String proposalId, String json) {
        return api.send("PUT", "/api/interview-proposals/" + proposalId + "/answer", "application/json",
                        json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply confirm(Api api, String proposalId, String slotId) {
        return api.post("/api/interview-proposals/" + proposalId + "/confirmation",
                        "{\"slotId\":\"" + slotId + "\"}");
    }

    static JsonNode confirmed(Api api, JsonNode proposal, int slotNumber) {
        return expect(201, confirm(api, proposal.path("id").asText(),
                                   proposal.path("slots").get(slotNumber - 1).path("id").asText()));
    }

    static Reply reschedule(Api api, String appointmentId, Instant start, Instant end, String reason) {
        return api.post("/api/appointments/" + appointmentId + "/reschedule",
                        "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"reason\":\"" + reason + "\"}");
    }

    static Reply cancel(Api api, String appointmentId, String reason) {
        return api.post("/api/appointments/" + appointmentId + "/cancellation", "{\"reason\":\"" + reason + "\"}");
    }

    static Reply askChange(Api api, String appointmentId, String kind, String reason) {
        return api.post("/api/appointments/" + appointmentId + "/change-requests",
                        "{\"kind\":\"" + kind + "\",\"reason\":\"" + reason + "\"}");
    }

    static Reply calendarFile(Api api, String appointmentId) {
        return api.get("/api/appointments/" + appointmentId + "/calendar.ics");
    }

    static JsonNode expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply.body().isEmpty() ? null : reply.json();
    }
}
