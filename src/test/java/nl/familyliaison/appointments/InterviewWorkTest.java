package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.calendarFile;
import static nl.familyliaison.appointments.Scheduler.confirmed;
import static nl.familyliaison.appointments.Scheduler.expect;
import static nl.familyliaison.appointments.Scheduler.cancel;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Investigators' interview work: members' needs (sealed, for staff and the member only, never in a mail or a calendar
 * file), the agenda by week over all cases, free/busy of the staff taking part, and the outcome after an interview.
 */
class InterviewWorkTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);
    private final Tables tables = new Tables(service);

    @Test
    void needsShowToStaffAndToTheMemberTheirOwnButNeverInMailsOrCalendarFilesAndAreStoredSealed() {
        Cast cast = scheduler.cases().cast("needs");
        Member first = scheduler.cases().member(cast, "needs-first");
        Member second = scheduler.cases().member(cast, "needs-second");
        ObjectNode body = proposal(List.of(inDays(5), inDays(5).plusSeconds(3600)), first.membershipId(),
                                   second.membershipId());
        body.putArray("needs").addObject().put("memberId", first.membershipId()).put("interpreterLanguage", "Tigrinya")
                .put("accessibility", "Rolstoeltoegankelijke ruimte").put("supportPerson", true);
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(), body);
        assertEquals("Tigrinya", offer.path("needs").get(0).path("interpreterLanguage").asText());

        JsonNode own = expect(200, first.api().get("/api/interview-proposals/" + offer.path("id").asText()));
        assertEquals(1, own.path("needs").size());
        assertTrue(own.path("needs").get(0).path("supportPerson").asBoolean());
        JsonNode other = expect(200, second.api().get("/api/interview-proposals/" + offer.path("id").asText()));
        assertEquals(0, other.path("needs").size(), "a relative's needs are not for another member");

        JsonNode appointment = confirmed(cast.investigatorApi(), offer, 1);
        assertEquals("Rolstoeltoegankelijke ruimte", appointment.path("needs").get(0).path("accessibility").asText());
        String id = appointment.path("id").asText();
        assertEquals(0, expect(200, second.api().get("/api/appointments/" + id)).path("needs").size());
        for (String secret : List.of("Tigrinya", "Rolstoeltoegankelijke")) {
            assertFalse(calendarFile(first.api(), id).body().contains(secret), "not in the calendar file");
            assertFalse(calendarFile(cast.investigatorApi(), id).body().contains(secret), "not in staff's file");
            Mailbox.to(first.account().email()).forEach(mail -> assertFalse(
                    (mail.subject() + mail.text() + mail.html()).contains(secret), "not in a mail"));
            assertEquals(List.of(), tables.columnsContaining(secret), "stored sealed");
        }
    }

    @Test
    void needsForSomeoneNotInvitedOrTooLongAreRefusedAndNothingIsStored() {
        Cast cast = scheduler.cases().cast("needs-bad");
        Member member = scheduler.cases().member(cast, "needs-bad-member");
        Member outsider = scheduler.cases().member(cast, "needs-bad-outsider");
        long before = tables.count("interview_proposal");
        ObjectNode body = proposal(List.of(inDays(5), inDays(5).plusSeconds(3600)), member.membershipId());
        body.putArray("needs").addObject().put("memberId", outsider.membershipId()).put("supportPerson", true);
        assertEquals(400, Scheduler.propose(cast.investigatorApi(), cast.caseId(), body).status());
        ((ObjectNode) body.path("needs").get(0)).put("memberId", member.membershipId())
                .put("interpreterLanguage", "x".repeat(61));
        assertEquals(400, Scheduler.propose(cast.investigatorApi(), cast.caseId(), body).status());
        assertEquals(before, tables.count("interview_proposal"), "nothing half-written");
    }

    @Test
    void removalDeletesAMembersNeedsAndRetentionPurgesTheRestWithTheCase() {
        Cast cast = scheduler.cases().cast("needs-gone");
        Member leaving = scheduler.cases().member(cast, "needs-gone-leaving");
        Member staying = scheduler.cases().member(cast, "needs-gone-staying");
        ObjectNode body = proposal(List.of(inDays(6), inDays(6).plusSeconds(3600)), leaving.membershipId(),
                                   staying.membershipId());
        var needs = body.putArray("needs");
        needs.addObject().put("memberId", leaving.membershipId()).put("interpreterLanguage", "Pools");
        needs.addObject().put("memberId", staying.membershipId()).put("supportPerson", true);
        String proposalId = proposed(cast.investigatorApi(), cast.caseId(), body).path("id").asText();
        assertEquals(2, tables.count("interview_need", "proposal_id = ?", proposalId));

        JsonNode asked = expect(202, leaving.api().post("/api/removal-requests", "{}"));
        expect(200, cast.inspectorApi().post("/api/removal-requests/" + asked.path("id").asText() + "/confirmation",
                                             "{}"));
        assertEquals(1, tables.count("interview_need", "proposal_id = ?", proposalId), "the removed member's go");

        expect(200, cast.inspectorApi().post("/api/cases/" + cast.caseId() + "/closing",
                                             "{\"text\":\"Het onderzoek is afgerond.\"}"));
        service.clock().advance(Duration.ofDays(125));
        service.running().features().retention().run(false);
        assertEquals(0, tables.count("interview_need", "proposal_id = ?", proposalId), "purged with the case");
    }

    @Test
    void theAgendaShowsMyInterviewsOfEveryCaseByWeekWithTheWeeksBeforeAndAfter() {
        Cast cast = scheduler.cases().cast("agenda");
        Cast second = scheduler.cases().another(cast, "agenda-2");
        Member member = scheduler.cases().member(cast, "agenda-member");
        Member other = scheduler.cases().member(second, "agenda-other");
        Instant monday = mondayInWeeks(3).plus(Duration.ofHours(9));
        String one = appointment(cast, member, monday);
        String two = appointment(second, other, monday.plus(Duration.ofDays(2)));
        String next = appointment(cast, member, monday.plus(Duration.ofDays(7)));

        LocalDate week = LocalDate.ofInstant(monday, Scheduler.AMSTERDAM).plusDays(3);
        JsonNode agenda = expect(200, cast.investigatorApi().get("/api/agenda?week=" + week));
        assertEquals(week.minusDays(3).toString(), agenda.path("week").asText(), "the week starts on Monday");
        assertEquals(List.of(one, two), ids(agenda.path("appointments")));
        assertEquals(week.minusDays(3).plusWeeks(1).toString(), agenda.path("next").asText());
        JsonNode following = expect(200, cast.investigatorApi().get("/api/agenda?week=" + agenda.path("next").asText()));
        assertEquals(List.of(next), ids(following.path("appointments")));
        assertEquals(agenda.path("week"), following.path("previous"));

        assertEquals(400, cast.investigatorApi().get("/api/agenda?week=next-tuesday").status());
        assertEquals(404, member.api().get("/api/agenda").status(), "for staff only");
    }

    @Test
    void freeBusyShowsWhenAColleagueTakingPartIsTakenButNothingOfTheOtherCase() {
        Cast cast = scheduler.cases().cast("busy");
        Cast elsewhere = scheduler.cases().another(cast, "busy-2");
        Member member = scheduler.cases().member(elsewhere, "busy-member");
        Instant at = mondayInWeeks(4).plus(Duration.ofHours(10));
        appointment(elsewhere, member, at);
        String investigator = cast.investigator().account().id();
        String query = "/api/cases/" + cast.caseId() + "/busy?staffIds=" + investigator + "&from="
                       + at.minus(Duration.ofDays(1)) + "&until=" + at.plus(Duration.ofDays(1));
        JsonNode answer = expect(200, cast.inspectorApi().get(query));
        assertEquals(2, answer.path("staff").size(), "the case's family inspector and investigator");
        JsonNode busy = answer.path("busy");
        assertEquals(1, busy.size());
        assertEquals(at.toString(), busy.get(0).path("start").asText());
        assertEquals(investigator, busy.get(0).path("accountId").asText());
        assertFalse(answer.toString().contains(elsewhere.caseId()), "free/busy says nothing of the other case");
        assertEquals(1, expect(200, cast.inspectorApi().get(query.replace("staffIds=" + investigator, "staffIds=")))
                .path("busy").size(), "all staff of the case when none are named");

        Cast stranger = scheduler.cases().cast("busy-stranger");
        String foreign = query.replace(investigator, stranger.investigator().account().id());
        assertEquals(400, cast.inspectorApi().get(foreign).status(), "only staff of the case");
        assertEquals(404, stranger.investigatorApi().get(query).status(), "only for staff of the case");
        assertEquals(400, cast.inspectorApi().get(query.replace("&until=", "&until=x")).status());
        assertEquals(404, member.api().get(query).status());
    }

    @Test
    void weeksAndMomentsFarOutOfRangeAreRefusedWithTheFieldNotAServerError() {
        Cast cast = scheduler.cases().cast("far-out");
        for (String week : List.of("%2B999999999-12-31", "9999-12-31", "-999999999-01-01", "1900-01-01")) {
            assertRefused(cast.investigatorApi().get("/api/agenda?week=" + week), "week");
        }
        String busy = "/api/cases/" + cast.caseId() + "/busy?from=";
        assertRefused(cast.inspectorApi().get(busy + "%2B100000-01-01T00:00:00Z&until=%2B100000-01-02T00:00:00Z"),
                      "from");
        assertRefused(cast.inspectorApi().get(busy + "9999-12-30T00:00:00Z&until=9999-12-31T00:00:00Z"), "from");
        Instant now = service.clock().instant();
        assertRefused(cast.inspectorApi().get(busy + now + "&until=%2B100000-01-01T00:00:00Z"), "until");
    }

    private static void assertRefused(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(field, reply.json().path("errors").path(0).path("field").asText(), reply.body());
    }

    @Test
    void staffRecordANoShowWithANoteOnlyAfterTheStartAndMembersNeverSeeIt() {
        Cast cast = scheduler.cases().cast("outcome");
        Member member = scheduler.cases().member(cast, "outcome-member");
        Instant start = service.clock().instant().plus(Duration.ofMinutes(10));
        String id = confirmed(cast.investigatorApi(), proposed(cast.investigatorApi(), cast.caseId(), proposal(
                List.of(start, start.plus(Duration.ofMinutes(15))), member.membershipId())), 1).path("id").asText();
        Instant soon = start.plus(Duration.ofMinutes(20));
        String later = appointment(cast, member, soon);
        expect(200, cancel(cast.investigatorApi(), later, "Niet meer nodig."));
        String path = "/api/appointments/" + id + "/outcome";
        String noShow = "{\"outcome\":\"NOT_HELD\",\"note\":\"Niet verschenen, telefonisch geen gehoor.\"}";
        assertEquals(409, put(cast.investigatorApi(), path, noShow).status(), "not before the start");
        assertEquals(404, put(member.api(), path, noShow).status(), "not for members");

        service.clock().set(start.plusSeconds(60));
        JsonNode recorded = expect(200, put(cast.investigatorApi(), path, noShow));
        assertEquals("NOT_HELD", recorded.path("outcome").path("outcome").asText());
        assertEquals("Niet verschenen, telefonisch geen gehoor.", recorded.path("outcome").path("note").asText());
        assertEquals(cast.investigator().account().id(), recorded.path("outcome").path("recordedBy").path("id")
                .asText());
        assertEquals("NOT_HELD", expect(200, cast.inspectorApi().get("/api/appointments/" + id))
                .path("outcome").path("outcome").asText());
        JsonNode seen = expect(200, member.api().get("/api/appointments/" + id));
        assertTrue(seen.path("outcome").isMissingNode(), "members never see the outcome");
        assertFalse(member.api().get("/api/cases/" + cast.caseId() + "/appointments").body().contains("verschenen"));
        assertEquals(List.of(), tables.columnsContaining("telefonisch geen gehoor"), "the note is sealed");
        assertEquals(400, put(cast.investigatorApi(), path, "{\"outcome\":\"MAYBE\"}").status());
        assertEquals(400, put(cast.investigatorApi(), path, "{\"note\":\"zonder uitkomst\"}").status());
        assertEquals("HELD", expect(200, put(cast.investigatorApi(), path, "{\"outcome\":\"HELD\"}"))
                .path("outcome").path("outcome").asText(), "recording again corrects it");

        service.clock().set(soon.plusSeconds(60));
        assertEquals(409, put(cast.investigatorApi(), "/api/appointments/" + later + "/outcome", noShow).status());
    }

    private static Reply put(Api api, String path, String json) {
        return api.send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private String appointment(Cast cast, Member member, Instant start) {
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(List.of(start, start.plusSeconds(3600)), member.membershipId()));
        return confirmed(cast.investigatorApi(), offer, 1).path("id").asText();
    }

    private Instant inDays(int days) {
        return service.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days))
                .plus(Duration.ofHours(13));
    }

    /** Monday 00:00 Amsterdam, {@code weeks} weeks after the test clock's week. */
    private Instant mondayInWeeks(int weeks) {
        LocalDate today = LocalDate.ofInstant(service.clock().instant(), Scheduler.AMSTERDAM);
        return today.minusDays(today.getDayOfWeek().getValue() - 1L).plusWeeks(weeks)
                .atStartOfDay(Scheduler.AMSTERDAM).toInstant();
    }

    private static List<String> ids(JsonNode appointments) {
        return java.util.stream.StreamSupport.stream(appointments.spliterator(), false)
                .map(node -> node.path("id").asText()).toList();
    }
}
