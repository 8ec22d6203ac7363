package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.audit.MemberAccessLog.Line;
import nl.familyliaison.audit.MemberAccessLog.Page;
import nl.familyliaison.audit.MemberAccessLog.Shown;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Who looked at my file" over a real audit table: what staff did on the member's cases, on what the member may see;
 * a refusal of someone without access to the case without their name; never the member's own steps nor a relative's;
 * page by page, newest first, without gaps or repeats.
 */
class MemberAccessLogTest {

    private static final String MEMBER = "11111111-1111-4111-8111-111111111111";
    private static final String INSPECTOR = "22222222-2222-4222-8222-222222222222";
    private static final String INVESTIGATOR = "33333333-3333-4333-8333-333333333333";
    private static final String RELATIVE = "44444444-4444-4444-8444-444444444444";
    private static final String OUTSIDER = "55555555-5555-4555-8555-555555555555";
    private static final String OTHER_INSPECTOR = "66666666-6666-4666-8666-666666666666";
    private static final String ADMIN = "77777777-7777-4777-8777-777777777777";
    private static final String CASE_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String CASE_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private static final String CASE_ENDED = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();
    private AuditParts audit;

    /** A case of the member's file as the test states it: who is on it, which objects the member may see. */
    record File(String caseId, Set<String> staff, Set<String> members, Set<String> visibleObjects)
            implements MemberFile {

        @Override
        public boolean isStaff(String accountId) {
            return accountId != null && staff.contains(accountId);
        }

        @Override
        public boolean isMember(String accountId) {
            return accountId != null && members.contains(accountId);
        }

        @Override
        public boolean maySee(String objectType, String objectId) {
            return objectType.equals("case") || objectId != null && visibleObjects.contains(objectId);
        }
    }

    private static final File A = new File(CASE_A, Set.of(INSPECTOR, INVESTIGATOR), Set.of(MEMBER, RELATIVE),
                                           Set.of("thread-mine"));
    private static final File B = new File(CASE_B, Set.of(INSPECTOR), Set.of(MEMBER), Set.of());

    @BeforeEach
    void emptyLog() {
        audit = database.emptyLog(1000);
    }

    @Test
    void staffStepsShowByNameAndRefusalsOfOutsidersWithoutOneNeverTheMembersOrRelatives() {
        append(MEMBER, "MEMBER", "case.read", CASE_A, Outcome.ALLOWED);
        append(RELATIVE, "MEMBER", "case.timeline.read", CASE_A, Outcome.ALLOWED);
        append(RELATIVE, "MEMBER", "case.update.post", CASE_A, Outcome.DENIED);
        append(INSPECTOR, "FAMILY_INSPECTOR", "case.read", CASE_A, Outcome.ALLOWED);
        append(INVESTIGATOR, "INVESTIGATOR", "case.threads.list", CASE_A, Outcome.DENIED);
        append(OUTSIDER, "MEMBER", "case.read", CASE_A, Outcome.DENIED);
        append(OTHER_INSPECTOR, "FAMILY_INSPECTOR", "case.timeline.read", CASE_A, Outcome.DENIED);
        append(ADMIN, "ADMIN", "case.staff.assign", CASE_A, Outcome.ALLOWED);
        append(null, null, "case.read", CASE_A, Outcome.DENIED);
        append(INSPECTOR, "FAMILY_INSPECTOR", "case.read", CASE_ENDED, Outcome.ALLOWED);

        List<Line> lines = log().page(MEMBER, List.of(A), Optional.empty(), 50).lines();
        assertEquals(List.of(Shown.REFUSED_WITHOUT_ACCESS, Shown.STAFF, Shown.REFUSED_WITHOUT_ACCESS,
                             Shown.REFUSED_WITHOUT_ACCESS, Shown.STAFF, Shown.STAFF),
                     lines.stream().map(Line::shown).toList());
        assertEquals(java.util.Arrays.asList(null, ADMIN, OTHER_INSPECTOR, OUTSIDER, INVESTIGATOR, INSPECTOR),
                     lines.stream().map(line -> line.entry().actorAccountId()).toList());
    }

    @Test
    void anObjectTheMemberMayNotSeeLeavesNoTrace() {
        appendOn("message-thread", "thread-mine", CASE_A);
        appendOn("message-thread", "thread-of-the-relative", CASE_A);
        appendOn("briefing", "briefing-of-the-relative", CASE_A);
        appendOn("message-thread", null, CASE_A);

        List<Line> lines = log().page(MEMBER, List.of(A), Optional.empty(), 50).lines();
        assertEquals(List.of("thread-mine"), lines.stream().map(line -> line.entry().objectId()).toList());
    }

    @Test
    void pagesRunNewestFirstOverAllCasesWithoutGapsOrRepeats() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String caseId = i % 3 == 0 ? CASE_B : CASE_A;
            // Every fourth event happens in the same microsecond as the one before: the row decides their order.
            if (i % 4 != 0) {
                audit.clock().advance(Duration.ofSeconds(1));
            }
            String id = audit.log().append(audit.log().event("case.read", Outcome.ALLOWED)
                                                   .actor(INSPECTOR, "FAMILY_INSPECTOR").object("case", caseId)
                                                   .caseId(caseId).build());
            expected.addFirst(id);
            // The member's own steps in between are looked at but never shown.
            audit.log().append(audit.log().event("case.read", Outcome.ALLOWED).actor(RELATIVE, "MEMBER")
                                       .object("case", caseId).caseId(caseId).build());
        }

        List<String> walked = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            Page page = log().page(MEMBER, List.of(A, B), after, 7);
            assertTrue(page.lines().size() <= 7);
            page.lines().forEach(line -> walked.add(line.entry().eventId()));
            after = page.continueAfter();
            pages++;
        } while (after.isPresent());
        assertEquals(expected, walked);
        assertEquals(6, pages, "40 entries, 7 a page, and no empty page at the end");
    }

    @Test
    void aPageOfManyHiddenEventsComesBackShortWithACursorRatherThanCutOff() {
        appendOn("message-thread", "thread-mine", CASE_A);
        for (int i = 0; i < MemberAccessLog.SCAN_BUDGET + 5; i++) {
            appendOn("message-thread", "thread-of-the-relative", CASE_A);
        }

        Page first = log().page(MEMBER, List.of(A), Optional.empty(), 50);
        assertEquals(List.of(), first.lines());
        assertTrue(first.continueAfter().isPresent(), "more to look at");
        Page second = log().page(MEMBER, List.of(A), first.continueAfter(), 50);
        assertEquals(List.of("thread-mine"), second.lines().stream().map(line -> line.entry().objectId()).toList());
        assertEquals(Optional.empty(), second.continueAfter());
    }

    @Test
    void aCursorThatNamesNoEventIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class, () -> log().page(
                MEMBER, List.of(A), Optional.of("99999999-9999-4999-8999-999999999999"), 50));
        assertEquals(ProblemType.INVALID_INPUT, refused.type());
        assertEquals("cursor", refused.errors().getFirst().field());
    }

    @Test
    void noCasesIsAnEmptyPage() {
        append(INSPECTOR, "FAMILY_INSPECTOR", "case.read", CASE_A, Outcome.ALLOWED);
        assertEquals(new Page(List.of(), Optional.empty()), log().page(MEMBER, List.of(), Optional.empty(), 50));
    }

    private MemberAccessLog log() {
        return new MemberAccessLog(audit.repository());
    }

    private void append(String account, String role, String action, String caseId, Outcome outcome) {
        audit.clock().advance(Duration.ofMinutes(1));
        audit.log().append(audit.log().event(action, outcome).actor(account, role).object("case", caseId)
                                   .caseId(caseId).build());
    }

    private void appendOn(String objectType, String objectId, String caseId) {
        audit.clock().advance(Duration.ofMillis(1));
        audit.log().append(audit.log().event("case.read", Outcome.ALLOWED).actor(INSPECTOR, "FAMILY_INSPECTOR")
                                   .object(objectType, objectId).caseId(caseId).build());
    }
}
