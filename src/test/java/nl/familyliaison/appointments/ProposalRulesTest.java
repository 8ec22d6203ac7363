package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.hourLong;
import static nl.familyliaison.appointments.Scheduler.local;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.propose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Problems;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every wrong proposal gets a clear 4xx problem and leaves nothing behind: no proposal, slot, person or mail. */
class ProposalRulesTest {

    private static final List<String> TABLES = List.of("interview_proposal", "interview_slot",
                                                       "interview_proposal_staff", "interview_proposal_member",
                                                       "outbox");

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);
    private final Tables tables = new Tables(service);
    private Cast cast;
    private Member member;
    private Map<String, Long> before;

    @BeforeEach
    void aCaseWithOneMember() {
        cast = scheduler.cases().cast("rules-" + System.nanoTime());
        member = scheduler.cases().member(cast, "rules-member-" + System.nanoTime());
        before = counts();
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Instant start = local("2026-04-01T10:00");
        refused(proposal(List.of(start, start.minusSeconds(60)), member.membershipId()), 400, "slots[0].end");
    }

    @Test
    void aSlotInThePastIsRefused() {
        Instant past = service.clock().instant().minus(Duration.ofHours(2));
        refused(proposal(List.of(past, past.plusSeconds(3600)), member.membershipId()), 400, "slots[0].start");
    }

    @Test
    void moreThanFiveSlotsAreRefused() {
        refused(proposal(hourLong("2026-04-01T10:00", "2026-04-02T10:00", "2026-04-03T10:00", "2026-04-06T10:00",
                                  "2026-04-07T10:00", "2026-04-08T10:00"), member.membershipId()), 400, "slots");
    }

    @Test
    void noSlotAtAllIsRefused() {
        refused(proposal(List.of(), member.membershipId()), 400, "slots");
    }

    @Test
    void aSlotMoreThanAYearAheadIsRefused() {
        Instant far = service.clock().instant().plus(Duration.ofDays(366));
        refused(proposal(List.of(far, far.plusSeconds(3600)), member.membershipId()), 400, "slots[0].start");
    }

    @Test
    void aSlotOfFiveMinutesOrOfADayIsRefused() {
        Instant start = local("2026-04-01T10:00");
        refused(proposal(List.of(start, start.plusSeconds(300)), member.membershipId()), 400, "slots[0].end");
        refused(proposal(List.of(start, start.plus(Duration.ofHours(24))), member.membershipId()), 400,
                "slots[0].end");
    }

    @Test
    void aMemberOfAnotherCaseIsRefused() {
        Cast other = scheduler.cases().cast("rules-other-" + System.nanoTime());
        Member stranger = scheduler.cases().member(other, "rules-stranger-" + System.nanoTime());
        before = counts();
        refused(proposal(hourLong("2026-04-01T10:00"), member.membershipId(), stranger.membershipId()), 400,
                "memberIds");
    }

    @Test
    void noMemberAtAllIsRefused() {
        refused(proposal(hourLong("2026-04-01T10:00")), 400, "memberIds");
    }

    @Test
    void staffOfAnotherCaseCannotTakePart() {
        Cast other = scheduler.cases().cast("rules-staff-" + System.nanoTime());
        before = counts();
        ObjectNode body = proposal(hourLong("2026-04-01T10:00"), member.membershipId());
        body.putArray("staffIds").add(other.investigator().account().id());
        refused(body, 400, "staffIds");
    }

    @Test
    void aVisitNeedsAnAddressAndAVideoCallAnHttpsLink() {
        ObjectNode visit = proposal(hourLong("2026-04-01T10:00"), member.membershipId());
        visit.put("place", "  ");
        refused(visit, 400, "place");
        ObjectNode video = proposal(hourLong("2026-04-01T10:00"), member.membershipId());
        video.put("mode", "VIDEO").put("place", "javascript:alert(1)");
        refused(video, 400, "place");
    }

    @Test
    void anUnknownModeOrATimeThatIsNoTimeNamesTheField() {
        ObjectNode mode = proposal(hourLong("2026-04-01T10:00"), member.membershipId());
        mode.put("mode", "CARRIER_PIGEON");
        refused(mode, 400, "mode");
        ObjectNode time = proposal(hourLong("2026-04-01T10:00"), member.membershipId());
        time.withArray("slots").addObject().put("start", "next tuesday").put("end", "later");
        Reply reply = propose(cast.investigatorApi().unchecked(), cast.caseId(), time);
        var problem = Problems.assertProblem(reply, 400, "invalid-input");
        assertEquals(true, problem.path("errors").get(0).path("field").asText().startsWith("slots"), reply::toString);
        assertEquals(before, counts());
    }

    @Test
    void aProposalOnSomeoneElsesCaseIsNotFound() {
        Cast other = scheduler.cases().cast("rules-foreign-" + System.nanoTime());
        before = counts();
        Reply reply = propose(other.investigatorApi(), cast.caseId(),
                              proposal(hourLong("2026-04-01T10:00"), member.membershipId()));
        Problems.assertProblem(reply, 404, "not-found");
        Reply byInspector = propose(other.inspectorApi(), cast.caseId(),
                                    proposal(hourLong("2026-04-01T10:00"), member.membershipId()));
        Problems.assertProblem(byInspector, 404, "not-found");
        Reply byMember = propose(member.api(), cast.caseId(),
                                 proposal(hourLong("2026-04-01T10:00"), member.membershipId()));
        Problems.assertProblem(byMember, 404, "not-found");
        assertEquals(before, counts());
    }

    private void refused(ObjectNode body, int status, String field) {
        Reply reply = propose(cast.investigatorApi().unchecked(), cast.caseId(), body);
        var problem = Problems.assertProblem(reply, status, "invalid-input");
        assertEquals(field, problem.path("errors").get(0).path("field").asText(), reply::toString);
        assertEquals(before, counts(), "nothing stored");
    }

    private Map<String, Long> counts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        TABLES.forEach(table -> counts.put(table, tables.count(table)));
        return counts;
    }
}
