package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.answer;
import static nl.familyliaison.appointments.Scheduler.calendarFile;
import static nl.familyliaison.appointments.Scheduler.confirmed;
import static nl.familyliaison.appointments.Scheduler.expect;
import static nl.familyliaison.appointments.Scheduler.hourLong;
import static nl.familyliaison.appointments.Scheduler.local;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole round: an investigator offers three times to two relatives, one picks the second time, the other
 * suggests a time of their own, the investigator confirms the second time, and both relatives have the appointment.
 */
class InterviewJourneyTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);

    @Test
    void threeTimesTwoMembersOnePicksOneSuggestsTheSecondTimeIsConfirmedForBoth() {
        Cast cast = scheduler.cases().cast("journey");
        Member anna = scheduler.cases().member(cast, "anna-journey");
        Member bram = scheduler.cases().member(cast, "bram-journey");

        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong("2026-03-10T10:00", "2026-03-11T14:00", "2026-03-12T09:30"),
                                           anna.membershipId(), bram.membershipId()));
        String proposalId = offer.path("id").asText();
        assertEquals(3, offer.path("slots").size());
        assertEquals(local("2026-03-11T14:00").toString(), offer.path("slots").get(1).path("start").asText());
        assertEquals(Set.of(cast.investigator().account().id()), ids(offer.path("staff")),
                     "the proposer takes part");
        Mailbox.await(anna.account().email(), Scheduler.INVITATION_MAIL);
        Mailbox.await(bram.account().email(), Scheduler.INVITATION_MAIL);

        String second = offer.path("slots").get(1).path("id").asText();
        JsonNode annasView = expect(200, answer(anna.api(), proposalId,
                                                "{\"choice\":\"SLOT\",\"slotId\":\"" + second + "\"}"));
        assertEquals("SLOT", annasView.path("answers").get(0).path("choice").asText());
        JsonNode bramsView = expect(200, answer(bram.api(), proposalId,
                                                "{\"choice\":\"OTHER_TIMES\",\"otherTimes\":[{\"start\":\""
                                                + local("2026-03-13T16:00") + "\",\"end\":\""
                                                + local("2026-03-13T17:00") + "\"}],"
                                                + "\"note\":\"Na de begrafenis kan ik beter.\"}"));
        assertEquals(1, bramsView.path("answers").size(), "a member sees only their own answer");
        assertEquals(bram.membershipId(), bramsView.path("answers").get(0).path("memberId").asText());

        JsonNode staffView = expect(200, cast.investigatorApi().get("/api/interview-proposals/" + proposalId));
        assertEquals(2, staffView.path("answers").size(), "staff see every answer");
        JsonNode bramsAnswer = answerOf(staffView, bram.membershipId());
        assertEquals("OTHER_TIMES", bramsAnswer.path("choice").asText());
        assertEquals(local("2026-03-13T16:00").toString(),
                     bramsAnswer.path("otherTimes").get(0).path("start").asText());
        assertEquals("Na de begrafenis kan ik beter.", bramsAnswer.path("note").asText());
        assertEquals(second, answerOf(staffView, anna.membershipId()).path("slotId").asText());

        JsonNode appointment = confirmed(cast.investigatorApi(), offer, 2);
        String appointmentId = appointment.path("id").asText();
        assertEquals(local("2026-03-11T14:00").toString(), appointment.path("start").asText());
        assertEquals(Set.of(anna.membershipId(), bram.membershipId()), ids(appointment.path("members")));
        assertEquals("CONFIRMED", expect(200, cast.investigatorApi().get("/api/interview-proposals/" + proposalId))
                .path("status").asText());

        for (Member member : List.of(anna, bram)) {
            JsonNode theirs = expect(200, member.api().get("/api/cases/" + cast.caseId() + "/appointments"));
            assertEquals(1, theirs.size());
            assertEquals(appointmentId, theirs.get(0).path("id").asText());
            assertEquals(local("2026-03-11T14:00").toString(), theirs.get(0).path("start").asText());
            assertEquals("Turfmarkt 147, Den Haag", theirs.get(0).path("place").asText());
            assertEquals(appointmentId, expect(200, member.api().get("/api/appointments")).get(0).path("id")
                    .asText());
            Mailbox.await(member.account().email(), Scheduler.CONFIRMED_MAIL);
        }

        var ics = calendarFile(anna.api(), appointmentId);
        assertEquals(200, ics.status());
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        assertTrue(ics.header("Content-Disposition").startsWith("attachment"));
        assertTrue(ics.body().contains("UID:" + appointmentId + "@family-liaison"), ics.body());
        assertTrue(ics.body().contains("DTSTART;TZID=Europe/Amsterdam:20260311T140000"), ics.body());
    }

    private static JsonNode answerOf(JsonNode proposal, String memberId) {
        for (JsonNode answer : proposal.path("answers")) {
            if (answer.path("memberId").asText().equals(memberId)) {
                return answer;
            }
        }
        throw new AssertionError("no answer of " + memberId + " in " + proposal);
    }

    private static Set<String> ids(JsonNode people) {
        return StreamSupport.stream(people.spliterator(), false).map(person -> person.path("id").asText())
                .collect(Collectors.toSet());
    }
}
