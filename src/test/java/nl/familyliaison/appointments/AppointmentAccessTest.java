package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.answer;
import static nl.familyliaison.appointments.Scheduler.askChange;
import static nl.familyliaison.appointments.Scheduler.calendarFile;
import static nl.familyliaison.appointments.Scheduler.cancel;
import static nl.familyliaison.appointments.Scheduler.confirm;
import static nl.familyliaison.appointments.Scheduler.confirmed;
import static nl.familyliaison.appointments.Scheduler.expect;
import static nl.familyliaison.appointments.Scheduler.hourLong;
import static nl.familyliaison.appointments.Scheduler.local;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static nl.familyliaison.appointments.Scheduler.reschedule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Problems;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proposals and appointments do not exist for members of other cases, for investigators not assigned to the case,
 * nor for a relative of the same case who was not invited: every route answers 404 and nothing changes.
 */
class AppointmentAccessTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);
    private final Tables tables = new Tables(service);

    @Test
    void outsidersGetNotFoundOnEveryProposalAndAppointmentRoute() {
        Cast cast = scheduler.cases().cast("access");
        Member invited = scheduler.cases().member(cast, "access-invited");
        Member notInvited = scheduler.cases().member(cast, "access-not-invited");
        Cast other = scheduler.cases().cast("access-other");
        Member otherCasesMember = scheduler.cases().member(other, "access-other-member");

        JsonNode openOffer = proposed(cast.inspectorApi(), cast.caseId(),
                                      proposal(hourLong("2026-04-08T10:00"), invited.membershipId()));
        JsonNode confirmedOffer = proposed(cast.investigatorApi(), cast.caseId(),
                                           proposal(hourLong("2026-04-09T10:00"), invited.membershipId()));
        String appointmentId = confirmed(cast.investigatorApi(), confirmedOffer, 1).path("id").asText();
        String proposalId = openOffer.path("id").asText();
        String slotId = openOffer.path("slots").get(0).path("id").asText();

        Map<String, Function<Api, Reply>> memberRoutes = new LinkedHashMap<>();
        memberRoutes.put("read proposal", api -> api.get("/api/interview-proposals/" + proposalId));
        memberRoutes.put("answer", api -> answer(api, proposalId, "{\"choice\":\"DECLINE\"}"));
        memberRoutes.put("read appointment", api -> api.get("/api/appointments/" + appointmentId));
        memberRoutes.put("calendar file", api -> calendarFile(api, appointmentId));
        memberRoutes.put("ask change", api -> askChange(api, appointmentId, "CANCEL", "Ik kan niet."));
        Map<String, Function<Api, Reply>> staffRoutes = new LinkedHashMap<>();
        staffRoutes.put("read proposal", api -> api.get("/api/interview-proposals/" + proposalId));
        staffRoutes.put("confirm", api -> confirm(api, proposalId, slotId));
        staffRoutes.put("read appointment", api -> api.get("/api/appointments/" + appointmentId));
        staffRoutes.put("calendar file", api -> calendarFile(api, appointmentId));
        staffRoutes.put("reschedule", api -> reschedule(api, appointmentId, local("2026-04-10T10:00"),
                                                          local("2026-04-10T11:00"), "Andere tijd."));
        staffRoutes.put("cancel", api -> cancel(api, appointmentId, "Niet nodig."));
        staffRoutes.put("propose", api -> api.post("/api/cases/" + cast.caseId() + "/interview-proposals",
                                                   proposal(hourLong("2026-04-11T10:00"), invited.membershipId())
                                                           .toString()));
        Map<String, Function<Api, Reply>> caseLists = Map.of(
                "proposals", api -> api.get("/api/cases/" + cast.caseId() + "/interview-proposals"),
                "appointments", api -> api.get("/api/cases/" + cast.caseId() + "/appointments"));

        long changesBefore = tables.count("appointment_change");
        long answersBefore = tables.count("interview_answer");
        for (Api outsider : new Api[] {otherCasesMember.api(), notInvited.api()}) {
            memberRoutes.forEach((name, route) -> notFound(name, route.apply(outsider)));
        }
        staffRoutes.forEach((name, route) -> notFound(name, route.apply(other.investigatorApi())));
        staffRoutes.forEach((name, route) -> notFound(name, route.apply(other.inspectorApi())));
        caseLists.forEach((name, route) -> {
            notFound(name, route.apply(otherCasesMember.api()));
            notFound(name, route.apply(other.investigatorApi()));
        });

        assertEquals(0, expect(200, caseLists.get("proposals").apply(notInvited.api())).size());
        assertEquals(0, expect(200, caseLists.get("appointments").apply(notInvited.api())).size());
        assertEquals(0, expect(200, otherCasesMember.api().get("/api/appointments")).size());
        assertEquals(changesBefore, tables.count("appointment_change"), "nothing changed");
        assertEquals(answersBefore, tables.count("interview_answer"), "nothing answered");
        assertEquals("OPEN", expect(200, cast.inspectorApi().get("/api/interview-proposals/" + proposalId))
                .path("status").asText());
        assertEquals("CONFIRMED", expect(200, invited.api().get("/api/appointments/" + appointmentId))
                .path("status").asText());
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundToo() {
        Cast cast = scheduler.cases().cast("access-unknown");
        for (String id : new String[] {"00000000-0000-4000-8000-000000000000", "not-an-id", "%27%20OR%201=1"}) {
            notFound("proposal " + id, cast.investigatorApi().get("/api/interview-proposals/" + id));
            notFound("appointment " + id, cast.investigatorApi().get("/api/appointments/" + id));
            notFound("calendar " + id, calendarFile(cast.investigatorApi(), id));
        }
    }

    private static void notFound(String what, Reply reply) {
        try {
            Problems.assertProblem(reply, 404, "not-found");
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }
}
