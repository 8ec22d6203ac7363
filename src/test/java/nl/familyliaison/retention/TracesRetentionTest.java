package nl.familyliaison.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The traces that are not case content go after their own periods: expired sign-in challenges, ended sessions, sent
 * mail with its address, the IPs of sign-in events (the audit chain still verifies); and a member whose cases are all
 * purged keeps only the id of their account. The clock is moved; the rows are read in the database.
 */
class TracesRetentionTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .set("cases.aftercare-period", "P10D")
            .set("retention.case-content-after", "P5D")
            .set("retention.sign-in-challenges-after", "PT24H")
            .set("retention.sessions-after", "P7D")
            .set("retention.sent-mail-after", "P30D")
            .set("retention.sign-in-ip-after", "P90D")
            .set("retention.interval", "PT24H"));
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    @Test
    void anExpiredSignInChallengeGoesADayAfterItExpired() {
        service.people().member("tr-challenge@example.org");
        String challenge = service.people().requestCode("tr-challenge@example.org").challengeId();
        // The code works 10 minutes; the challenge stays until a day after that.
        service.clock().advance(Duration.ofMinutes(10).plusHours(23));
        run();
        assertEquals(1, tables.count("sign_in_challenge", "id = ?", challenge), "not a day past its expiry yet");
        service.clock().advance(Duration.ofHours(1).plusSeconds(1));
        RetentionJob.Report report = run();
        assertEquals(0, tables.count("sign_in_challenge", "id = ?", challenge));
        assertTrue(report.swept().get("sign-in-challenges") >= 1, report.toString());
    }

    @Test
    void anEndedSessionGoesAWeekAfterItEndedAndAnOpenOneStays() {
        Account signingOut = service.people().member("tr-out@example.org");
        Account staying = service.people().member("tr-stay@example.org");
        Api out = service.api().as(service.people().signInMember("tr-out@example.org"));
        assertEquals(204, out.delete("/api/session").status());
        service.clock().advance(Duration.ofDays(6));
        run();
        assertEquals(1, tables.count("session", "account_id = ?", signingOut.id()), "ended only six days ago");
        service.clock().advance(Duration.ofDays(1).plusSeconds(1));
        Api stay = service.api().as(service.people().signInMember("tr-stay@example.org"));
        RetentionJob.Report report = run();
        assertEquals(0, tables.count("session", "account_id = ?", signingOut.id()));
        assertTrue(report.swept().get("sessions") >= 1, report.toString());
        assertEquals(1, tables.count("session", "account_id = ? AND ended_at IS NULL", staying.id()));
        assertEquals(200, stay.get("/api/session").status(), "the open session still works");
        // Idle sessions end after 30 minutes without a request: a week after that, they go too.
        service.clock().advance(Duration.ofDays(7).plusMinutes(31));
        run();
        assertEquals(0, tables.count("session", "account_id = ?", staying.id()));
    }

    @Test
    void aSentMailsRowAndItsAddressGoAfterThirtyDays() throws InterruptedException {
        String email = "tr-mail@example.org";
        service.people().member(email);
        service.people().requestCode(email).awaitCode();
        awaitSent(email);
        service.clock().advance(Duration.ofDays(29));
        run();
        assertTrue(tables.count("outbox", "recipient_email = ? AND status = 'SENT'", email) >= 1, "kept 30 days");
        service.clock().advance(Duration.ofDays(1).plusSeconds(1));
        RetentionJob.Report report = run();
        assertEquals(0, tables.count("outbox", "recipient_email = ?", email));
        assertTrue(report.swept().get("sent-mail") >= 1, report.toString());
    }

    @Test
    void signInEventsLoseTheirIpAfterNinetyDaysAndTheChainStillVerifies() {
        Account member = service.people().member("tr-ip@example.org");
        service.people().signInMember("tr-ip@example.org");
        String signIns = "actor_account_id = ? AND action = 'sign-in.member'";
        assertTrue(tables.count("audit_event", signIns + " AND ip IS NOT NULL", member.id()) >= 1,
                   "a sign-in is audited with the caller's IP");
        Instant signedInAt = service.clock().instant();
        service.clock().set(signedInAt.plus(Duration.ofDays(89)));
        run();
        assertEquals(1, tables.count("audit_event", signIns + " AND ip IS NOT NULL", member.id()));

        service.clock().set(signedInAt.plus(Duration.ofDays(90)).plusSeconds(1));
        People.Staff administrator = service.people().staff(Role.ADMIN, "tr-admin@inspectie.example");
        Api admin = service.api().as(service.people().signInStaff(administrator));
        RetentionJob.Report report = run();
        assertEquals(0, tables.count("audit_event", "actor_account_id = ? AND ip IS NOT NULL", member.id()));
        assertTrue(report.swept().get("sign-in-ips") >= 1, report.toString());
        assertTrue(tables.count("audit_event", "action = 'sign-in.member' AND purged_at IS NOT NULL") >= 1,
                   "the event stays, what was done and when; only its personal fields are erased");
        assertEquals(1, tables.count("audit_event", "actor_account_id = ? AND action = 'sign-in.staff'"
                                                    + " AND ip IS NOT NULL", administrator.account().id()),
                     "today's sign-in keeps its IP");
        tables.awaitSealed();
        JsonNode verification = admin.get("/api/audit/verification").json();
        assertTrue(verification.path("ok").asBoolean(), verification.toString());
    }

    @Test
    void aMemberWhoseCasesAreAllPurgedKeepsNoAddressNameOrPreferences() {
        CaseFiles.OpenCase closing = files.open("tr-fi@inspectie.example", "TR-1");
        CaseFiles.OpenCase staysOpen = files.open("tr-fi-open@inspectie.example", "TR-2");
        String gone = "tr-gone.pieters@example.org";
        String kept = "tr-kept.smit@example.org";
        String goneId = files.invite(closing, gone, "PARTNER").path("accountId").asText();
        files.invite(closing, kept, "SIBLING");
        files.invite(staysOpen, kept, "SIBLING");
        Api member = service.api().as(service.people().signInMember(gone));
        assertEquals(200, member.send("PUT", "/api/preferences", "application/json",
                                      ("{\"language\":\"en\",\"mailEnabled\":false,\"detailLevel\":\"MILESTONES\","
                                       + "\"quietHours\":{\"start\":\"21:00\",\"end\":\"08:00\"}}").getBytes())
                .status());
        member.post("/api/cases/" + closing.caseId() + "/threads", "{\"text\":\"Een vraag van Pieters\"}");
        assertEquals(1, tables.count("notification_preference", "account_id = ?", goneId));
        assertEquals(1, tables.count("account", "id = ? AND language = 'en'", goneId));
        closing.inspectorApi().post("/api/cases/" + closing.caseId() + "/closing",
                                    "{\"text\":\"Het onderzoek is afgerond.\"}");

        // The aftercare (10 days) and the content period (5 days) pass; the case is purged.
        service.clock().advance(Duration.ofDays(15).plusSeconds(1));
        RetentionJob.Report report = run();
        RetentionJob.CaseReport purged = report.cases().stream()
                .filter(one -> one.caseId().equals(closing.caseId())).findFirst().orElseThrow();

        for (String needle : List.of(gone, "Member tr-gone.pieters", "member tr-gone.pieters", "tr-gone.pieters")) {
            assertEquals(List.of(), tables.columnsContaining(needle), needle + " is still stored");
        }
        assertEquals(1, tables.count("account", "id = ? AND status = 'DISABLED' AND language = 'nl'"
                                                + " AND password_hash IS NULL", goneId), "only the id is left");
        assertEquals(0, tables.count("notification_preference", "account_id = ?", goneId));
        assertEquals(0, tables.count("session", "account_id = ?", goneId));
        assertEquals(0, tables.count("investigation_member", "account_id = ? AND ended_at IS NULL", goneId));
        assertEquals(1, purged.counts().get("former-members"), report.toString());
        // Whoever still has a case that is not purged keeps everything.
        assertEquals(1, tables.count("account", "email = ?", kept));
        assertEquals(1, tables.count("account", "email = ? AND display_name = ?", kept,
                                     "Member " + kept.split("@")[0].toLowerCase(Locale.ROOT)));
    }

    private static RetentionJob.Report run() {
        return service.running().features().retention().run(false);
    }

    private static void awaitSent(String email) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (tables.count("outbox", "recipient_email = ? AND status = 'SENT'", email) == 0
               && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
