package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import nl.familyliaison.platform.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Who looked at my file": what others did on the member's cases, newest first; never their own steps. */
class MemberAccessLogTest {

    private static final String MEMBER = "11111111-1111-4111-8111-111111111111";
    private static final String INSPECTOR = "22222222-2222-4222-8222-222222222222";
    private static final String INVESTIGATOR = "33333333-3333-4333-8333-333333333333";
    private static final String CASE_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String CASE_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private static final String CASE_C = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

    @RegisterExtension
    static final AuditDatabase database = AuditDatabase.perTestClass();
    private static AuditParts audit;

    @BeforeAll
    static void appendWhatHappenedOnThreeCases() {
        audit = database.emptyLog(1000);
        append(MEMBER, "MEMBER", "case.read", CASE_A, Outcome.ALLOWED);
        append(INSPECTOR, "FAMILY_INSPECTOR", "case.read", CASE_A, Outcome.ALLOWED);
        append(INVESTIGATOR, "INVESTIGATOR", "message.read", CASE_A, Outcome.DENIED);
        append(null, null, "case.read", CASE_A, Outcome.DENIED);
        append(MEMBER, "MEMBER", "message.create", CASE_B, Outcome.SUCCEEDED);
        append(INSPECTOR, "FAMILY_INSPECTOR", "timeline.update", CASE_B, Outcome.SUCCEEDED);
        append(INSPECTOR, "FAMILY_INSPECTOR", "case.read", CASE_C, Outcome.ALLOWED);
        audit.sealer().sealPending();
    }

    @Test
    void othersOnTheMembersCasesComeNewestFirst() {
        assertEquals(List.of(entry(INSPECTOR, "FAMILY_INSPECTOR", "timeline.update", Outcome.SUCCEEDED, 6),
                             entry(null, null, "case.read", Outcome.DENIED, 4),
                             entry(INVESTIGATOR, "INVESTIGATOR", "message.read", Outcome.DENIED, 3),
                             entry(INSPECTOR, "FAMILY_INSPECTOR", "case.read", Outcome.ALLOWED, 2)),
                     audit.repository().byOthersOnCases(List.of(CASE_A, CASE_B), MEMBER, 50));
    }

    @Test
    void theLimitKeepsTheNewest() {
        assertEquals(List.of(6, 4),
                     audit.repository().byOthersOnCases(List.of(CASE_A, CASE_B), MEMBER, 2).stream()
                             .map(entry -> (int) Duration.between(start(), entry.at()).toMinutes())
                             .toList());
    }

    @Test
    void noCasesIsAnEmptyAnswerWithoutAQuery() {
        Database closed = database.another();
        closed.close();
        assertEquals(List.of(), new AuditRepository(closed.client()).byOthersOnCases(List.of(), MEMBER, 50));
    }

    private static void append(String account, String role, String action, String caseId, Outcome outcome) {
        audit.clock().advance(Duration.ofMinutes(1));
        audit.log().append(audit.log().event(action, outcome).actor(account, role).object("case", caseId)
                                   .caseId(caseId).build());
    }

    private static AccessEntry entry(String account, String role, String action, Outcome outcome, int minute) {
        return new AccessEntry(account, role, action, "case", outcome, start().plus(Duration.ofMinutes(minute)));
    }

    private static Instant start() {
        return Instant.parse("2026-03-02T09:00:00Z");
    }
}
