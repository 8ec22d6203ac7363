package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While a family inspector is away, the substitute they (or an administrator) named acts on their cases: reads and
 * answers messages, gets the members' message mails, is audited as substitute; members see who replaces whom until
 * when; after the last day it ends by itself.
 */
class AbsenceCoverTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void theSubstituteActsOnTheCasesUntilTheLastDayAndThenNoLonger() throws Exception {
        CaseFiles.Cast cast = files.cast("cover");
        String base = "/api/cases/" + cast.caseId();
        CaseFiles.Member member = files.member(cast, "cover-member");
        People.Staff substitute = service.people().staff(Role.FAMILY_INSPECTOR, "cover-sub@inspectie.example");
        Api substituteApi = service.api().as(service.people().signInStaff(substitute));
        assertEquals(404, substituteApi.get(base).status(), "no cover yet");

        LocalDate today = Cases.today(service.clock());
        JsonNode cover = cast.inspectorApi().post("/api/absence-covers", "{\"substituteId\":\""
                                                  + substitute.account().id() + "\",\"from\":\"" + today
                                                  + "\",\"until\":\"" + today.plusDays(2) + "\"}").json();
        assertEquals(cast.inspector().account().id(), cover.path("absent").path("id").asText());
        Mailbox.await(substitute.account().email(), "Wijziging in een van uw onderzoeken");

        assertTrue(substituteApi.get("/api/cases").body().contains(cast.caseId()), "the case is on their list");
        String thread = member.api().post(base + "/threads", "{\"text\":\"Is er nieuws?\"}").json().path("thread")
                .path("id").asText();
        Mailbox.await(substitute.account().email(), "Er is iets nieuws voor u|There is something new for you");
        assertTrue(Mailbox.to(cast.inspector().account().email(), "Er is iets nieuws voor u").isEmpty(),
                   "the family inspector who is away gets no message mail meanwhile");
        assertEquals(201, substituteApi.post(base + "/threads/" + thread + "/messages",
                                             "{\"text\":\"Ik vervang uw contactpersoon. Ik bel u morgen.\"}").status());
        assertTrue(Sql.count(service, "SELECT COUNT(*) FROM audit_event WHERE actor_account_id = ? AND case_id = ?"
                                      + " AND detail = ?", substitute.account().id(), cast.caseId(),
                             "substitute-for:" + cast.inspector().account().id()) > 0, "audited as substitute");

        JsonNode replacement = member.api().get(base + "/contacts").json().path("replacements").get(0);
        assertEquals("Staff cover-sub", replacement.path("substitute").asText());
        assertEquals("Staff cover-fi", replacement.path("absent").asText());
        assertEquals(today.plusDays(2).toString(), replacement.path("until").asText());

        service.clock().advance(Duration.ofDays(3));
        Api later = service.api().as(service.people().signInStaff(substitute));
        assertEquals(404, later.get(base).status(), "the cover ended by itself after its last day");
        assertFalse(later.get("/api/cases").body().contains(cast.caseId()));
        Api memberLater = service.api().as(service.people().signInMember(member.account().email()));
        assertEquals(0, memberLater.get(base + "/contacts").json().path("replacements").size());
    }

    @Test
    void twoCoversNamedAtOnceForTheSamePersonAndDaysGiveOneCoverAndOneConflict() throws Exception {
        LocalDate today = Cases.today(service.clock());
        for (int round = 0; round < 4; round++) {
            People.Staff away = service.people().staff(Role.FAMILY_INSPECTOR, "cover-race-" + round + "@inspectie.example");
            Api awayApi = service.api().as(service.people().signInStaff(away));
            java.util.List<java.util.concurrent.Callable<Integer>> posts = new java.util.ArrayList<>();
            for (String who : java.util.List.of("a", "b")) {
                People.Staff substitute = service.people().staff(Role.FAMILY_INSPECTOR,
                                                                 "cover-race-" + round + who + "@inspectie.example");
                String body = "{\"substituteId\":\"" + substitute.account().id() + "\",\"from\":\"" + today
                              + "\",\"until\":\"" + today.plusDays(5) + "\"}";
                posts.add(() -> awayApi.unchecked().post("/api/absence-covers", body).status());
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : pool.invokeAll(posts)) {
                    statuses.add(answer.get());
                }
                java.util.Collections.sort(statuses);
                assertEquals(java.util.List.of(201, 409), statuses, "round " + round);
            } finally {
                pool.shutdown();
            }
            assertEquals(1, Sql.count(service, "SELECT COUNT(*) FROM absence_cover WHERE absent_id = ?",
                                      away.account().id()));
        }
    }

    @Test
    void theSubstitutesOverviewShowsTheQuestionsWaitingOnTheCasesTheyCover() {
        CaseFiles.Cast cast = files.cast("cover-dash");
        CaseFiles.Member member = files.member(cast, "cover-dash-member");
        People.Staff substitute = service.people().staff(Role.FAMILY_INSPECTOR, "cover-dash-sub@inspectie.example");
        cover(cast, substitute, 14);
        String thread = member.api().post("/api/cases/" + cast.caseId() + "/threads", "{\"text\":\"Hallo?\"}")
                .json().path("thread").path("id").asText();
        service.clock().advance(Duration.ofDays(4));
        JsonNode board = service.api().as(service.people().signInStaff(substitute)).get("/api/dashboard").json();
        assertTrue(board.path("waitingThreads").toString().contains(thread), board.toString());
        assertTrue(board.path("cases").toString().contains(cast.caseId()), board.toString());
    }

    @Test
    void theSubstituteWithdrawsAnUpdateAndKeepsSeeingItMarkedSo() {
        CaseFiles.Cast cast = files.cast("cover-wd");
        String base = "/api/cases/" + cast.caseId();
        CaseFiles.Member member = files.member(cast, "cover-wd-member");
        People.Staff substitute = service.people().staff(Role.FAMILY_INSPECTOR, "cover-wd-sub@inspectie.example");
        cover(cast, substitute, 1);
        String update = cast.inspectorApi().post(base + "/updates", "{\"text\":\"Verkeerd gedeeld.\",\"visibleTo\":[\""
                                                                     + member.membershipId() + "\"]}")
                .json().path("id").asText();
        Api substituteApi = service.api().as(service.people().signInStaff(substitute));
        JsonNode answer = substituteApi.post(base + "/updates/" + update + "/withdrawal", "{}").json();
        assertFalse(answer.path("withdrawn").path("withdrawnAt").isMissingNode(), answer.toString());
        assertEquals(200, substituteApi.get(base + "/updates/" + update).status());
        assertTrue(substituteApi.get(base + "/timeline").body().contains(update), "still in their history");
        assertEquals(404, member.api().unchecked().get(base + "/updates/" + update).status());
    }

    @Test
    void aFamilyInspectorNamesASubstituteOnlyForThemselvesAnAdministratorForAnyoneWithASecondAdministrator() {
        People.Staff away = service.people().staff(Role.FAMILY_INSPECTOR, "cover-away@inspectie.example");
        People.Staff colleague = service.people().staff(Role.FAMILY_INSPECTOR, "cover-colleague@inspectie.example");
        Admins admins = Admins.create(service, "cover-admin");
        Api colleagueApi = service.api().as(service.people().signInStaff(colleague));
        LocalDate today = Cases.today(service.clock());
        String period = "\",\"from\":\"" + today + "\",\"until\":\"" + today.plusDays(5) + "\"}";
        assertEquals(400, colleagueApi.post("/api/absence-covers", "{\"absentId\":\"" + away.account().id()
                                                                  + "\",\"substituteId\":\"" + colleague.account().id()
                                                                  + period).status());
        Api adminApi = admins.askingApi();
        assertEquals(400, adminApi.post("/api/absence-covers/requests", "{\"absentId\":\"" + away.account().id()
                                                                       + "\",\"substituteId\":\""
                                                                       + admins.asking().account().id() + period)
                .status(), "only a family inspector stands in");
        String created = "{\"absentId\":\"" + away.account().id() + "\",\"substituteId\":\""
                         + colleague.account().id() + period;
        assertEquals(404, adminApi.unchecked().post("/api/absence-covers", created).status(),
                     "an administrator does not name one alone");
        Reply asked = adminApi.post("/api/absence-covers/requests", created);
        assertEquals(202, asked.status(), asked::toString);
        assertEquals(0, colleagueApi.get("/api/absence-covers").json().path("covers").size(),
                     "nothing changes before a second administrator approves");
        String requestId = asked.json().path("id").asText();
        assertEquals(403, adminApi.post("/api/approval-requests/" + requestId + "/approval", "").status(),
                     "not by the one who asked");
        assertEquals("APPROVED", admins.approve(asked).path("status").asText());
        assertEquals(409, admins.approvingApi().post("/api/approval-requests/"
                                                     + adminApi.post("/api/absence-covers/requests", created)
                                                             .json().path("id").asText() + "/approval", "")
                .status(), "one cover at a time, checked again when approved");
        JsonNode seen = colleagueApi.get("/api/absence-covers").json().path("covers");
        assertEquals(1, seen.size());
        assertFalse(seen.get(0).path("mayEnd").asBoolean(), "the substitute does not end it");
        String id = seen.get(0).path("id").asText();
        assertEquals(404, colleagueApi.delete("/api/absence-covers/" + id).status());
        Api awayApi = service.api().as(service.people().signInStaff(away));
        assertEquals(204, awayApi.delete("/api/absence-covers/" + id).status());
        assertEquals(0, colleagueApi.get("/api/absence-covers").json().path("covers").size());
    }

    /** The case's family inspector names {@code substitute} from today for {@code days} more days. */
    private static void cover(CaseFiles.Cast cast, People.Staff substitute, int days) {
        LocalDate today = Cases.today(service.clock());
        assertEquals(201, cast.inspectorApi().post("/api/absence-covers", "{\"substituteId\":\""
                                                   + substitute.account().id() + "\",\"from\":\"" + today
                                                   + "\",\"until\":\"" + today.plusDays(days) + "\"}").status());
    }
}
