package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.answer;
import static nl.familyliaison.appointments.Scheduler.askChange;
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

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Problems;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moving, cancelling and asking: staff change an appointment with a reason, members ask for a change, and every
 * step is in the history — a member's own request visible to them and to staff, not to another relative.
 */
class ChangesTest {

    static final String CHANGE_REQUEST_MAIL = "Een familielid vraagt een afspraak te veranderen"
                                              + "|A family member asks to change an appointment";

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);

    @Test
    void everyChangeIsInTheHistoryInOrder() {
        Cast cast = scheduler.cases().cast("changes");
        Member anna = scheduler.cases().member(cast, "anna-changes");
        Member bram = scheduler.cases().member(cast, "bram-changes");
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong("2026-04-21T10:00"), anna.membershipId(), bram.membershipId()));
        String id = confirmed(cast.investigatorApi(), offer, 1).path("id").asText();

        JsonNode asked = expect(201, askChange(anna.api(), id, "RESCHEDULE", "Dan is de crematie."));
        assertEquals(List.of("CONFIRMED", "RESCHEDULE_REQUESTED"), kinds(asked));
        Mailbox.await(cast.investigator().account().email(), CHANGE_REQUEST_MAIL);
        assertEquals(List.of("CONFIRMED"), kinds(expect(200, bram.api().get("/api/appointments/" + id))),
                     "one relative's request is not for another");
        JsonNode staffSees = expect(200, cast.inspectorApi().get("/api/appointments/" + id));
        assertEquals("Dan is de crematie.", staffSees.path("history").get(1).path("reason").asText());
        assertEquals(anna.membershipId(), staffSees.path("history").get(1).path("by").path("id").asText());

        JsonNode moved = expect(200, reschedule(cast.investigatorApi(), id, local("2026-04-23T13:00"),
                                                local("2026-04-23T14:00"), "Op verzoek van de familie."));
        assertEquals(1, moved.path("sequence").asInt());
        assertEquals(local("2026-04-23T13:00").toString(), moved.path("start").asText());
        JsonNode cancelled = expect(200, cancel(cast.inspectorApi(), id, "Het onderzoek is gestopt."));
        assertEquals("CANCELLED", cancelled.path("status").asText());
        assertEquals(2, cancelled.path("sequence").asInt());

        JsonNode history = expect(200, bram.api().get("/api/appointments/" + id)).path("history");
        assertEquals(List.of("CONFIRMED", "RESCHEDULED", "CANCELLED"), kinds(history));
        assertEquals(local("2026-04-23T13:00").toString(), history.get(1).path("start").asText());
        assertEquals("Op verzoek van de familie.", history.get(1).path("reason").asText());
        assertEquals(cast.inspector().account().id(), history.get(2).path("by").path("id").asText());
        assertEquals(List.of("CONFIRMED", "RESCHEDULE_REQUESTED", "RESCHEDULED", "CANCELLED"),
                     kinds(expect(200, anna.api().get("/api/appointments/" + id))));
    }

    @Test
    void aCancelledAppointmentCannotBeMovedCancelledOrAskedAbout() {
        Cast cast = scheduler.cases().cast("changes-closed");
        Member anna = scheduler.cases().member(cast, "anna-changes-closed");
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong("2026-04-21T10:00"), anna.membershipId()));
        String id = confirmed(cast.investigatorApi(), offer, 1).path("id").asText();
        expect(200, cancel(cast.investigatorApi(), id, "Niet meer nodig."));
        Problems.assertProblem(cancel(cast.investigatorApi(), id, "Nog een keer."), 409, "conflict");
        Problems.assertProblem(reschedule(cast.investigatorApi(), id, local("2026-04-22T10:00"),
                                          local("2026-04-22T11:00"), "Toch wel."), 409, "conflict");
        Problems.assertProblem(askChange(anna.api(), id, "CANCEL", "Graag niet."), 409, "conflict");
    }

    @Test
    void aSettledInvitationTakesNoMoreAnswersNorASecondConfirmation() {
        Cast cast = scheduler.cases().cast("changes-settled");
        Member anna = scheduler.cases().member(cast, "anna-changes-settled");
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong("2026-04-21T10:00", "2026-04-22T10:00"), anna.membershipId()));
        confirmed(cast.investigatorApi(), offer, 1);
        String proposalId = offer.path("id").asText();
        Problems.assertProblem(answer(anna.api(), proposalId, "{\"choice\":\"DECLINE\"}"), 409, "conflict");
        Problems.assertProblem(confirm(cast.investigatorApi(), proposalId,
                                       offer.path("slots").get(1).path("id").asText()), 409, "conflict");
    }

    @Test
    void aWithdrawnInvitationTakesNoAnswersAndTheMembersHearItIsOff() {
        Cast cast = scheduler.cases().cast("changes-withdrawn");
        Member anna = scheduler.cases().member(cast, "anna-changes-withdrawn");
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong("2026-04-21T10:00"), anna.membershipId()));
        String proposalId = offer.path("id").asText();
        JsonNode withdrawn = expect(200, cast.investigatorApi().post("/api/interview-proposals/" + proposalId
                                                                     + "/withdrawal", "{}"));
        assertEquals("WITHDRAWN", withdrawn.path("status").asText());
        Mailbox.await(anna.account().email(), "De uitnodiging voor een gesprek gaat niet door"
                                              + "|The interview invitation is off");
        Problems.assertProblem(answer(anna.api(), proposalId, "{\"choice\":\"DECLINE\"}"), 409, "conflict");
        Problems.assertProblem(confirm(cast.investigatorApi(), proposalId,
                                       offer.path("slots").get(0).path("id").asText()), 409, "conflict");
        Problems.assertProblem(cast.inspectorApi().post("/api/interview-proposals/" + proposalId + "/withdrawal",
                                                        "{}"), 409, "conflict");
        assertEquals("WITHDRAWN", expect(200, anna.api().get("/api/interview-proposals/" + proposalId))
                .path("status").asText());
    }

    @Test
    void wrongAnswersAndRequestsNameTheField() {
        Cast cast = scheduler.cases().cast("changes-wrong");
        Member anna = scheduler.cases().member(cast, "anna-changes-wrong");
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong("2026-04-21T10:00"), anna.membershipId()));
        String proposalId = offer.path("id").asText();
        field(answer(anna.api().unchecked(), proposalId, "{\"choice\":\"SLOT\",\"slotId\":\"elsewhere\"}"),
              "slotId");
        field(answer(anna.api().unchecked(), proposalId, "{\"choice\":\"OTHER_TIMES\"}"), "otherTimes");
        field(answer(anna.api().unchecked(), proposalId, "{}"), "choice");
        field(answer(anna.api().unchecked(), proposalId, "{\"choice\":\"MAYBE\"}"), "choice");
        String id = confirmed(cast.investigatorApi(), offer, 1).path("id").asText();
        field(askChange(anna.api().unchecked(), id, "RESCHEDULE", "  "), "reason");
        field(reschedule(cast.investigatorApi().unchecked(), id, local("2026-04-23T13:00"),
                         local("2026-04-23T12:00"), "Verkeerd om."), "time.end");
        field(cancel(cast.investigatorApi().unchecked(), id, ""), "reason");
    }

    private static void field(nl.familyliaison.support.Reply reply, String field) {
        JsonNode problem = Problems.assertProblem(reply, 400, "invalid-input");
        assertEquals(field, problem.path("errors").get(0).path("field").asText(), reply::toString);
    }

    private static List<String> kinds(JsonNode appointmentOrHistory) {
        JsonNode history = appointmentOrHistory.has("history") ? appointmentOrHistory.path("history")
                                                               : appointmentOrHistory;
        return StreamSupport.stream(history.spliterator(), false).map(change -> change.path("kind").asText())
                .toList();
    }
}
