package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The family inspector's work on members: the details and phone number of a membership (the phone for the family
 * inspector only, on the case page and the dashboard), a corrected address (the old one signed out, failed mail sent
 * again to the new one), the invitation sent again.
 */
class MemberChangesTest {

    private static final String INVITATION = "Uitnodiging voor Familiecontact|Invitation to Family contact";

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    @Test
    void detailsAndPhoneAreChangedAndThePhoneIsForTheFamilyInspectorOnly() {
        CaseFiles.Cast cast = files.cast("mc-details");
        CaseFiles.Member member = files.member(cast, "mc-details-kin");
        String path = "/api/cases/" + cast.caseId() + "/members/" + member.membershipId();

        JsonNode changed = cast.inspectorApi().send("PUT", path, "application/json",
                                                    ("{\"displayName\":\" Sam de Vries \",\"relation\":\"SIBLING\","
                                                     + "\"phone\":\"+31 6-1234 5678\"}").getBytes()).json();
        assertEquals("Sam de Vries", changed.path("displayName").asText());
        assertEquals("SIBLING", changed.path("relation").asText());
        assertEquals("+31 6-1234 5678", changed.path("phone").asText());
        assertEquals(0, tables.columnsContaining("1234 5678").size(), "the phone number is stored sealed");

        JsonNode seenByInvestigator = cast.investigatorApi().get("/api/cases/" + cast.caseId() + "/members").json();
        assertEquals("Sam de Vries", seenByInvestigator.path("members").path(0).path("displayName").asText());
        assertTrue(seenByInvestigator.path("members").path(0).path("phone").isMissingNode(),
                   "investigators do not get the phone number");
        assertEquals(404, member.api().unchecked().get("/api/cases/" + cast.caseId() + "/members").status());

        for (String wrong : List.of("12345", "call me maybe", "+31 6 1234 5678 9012 3", "------")) {
            assertEquals(400, cast.inspectorApi().unchecked().send(
                    "PUT", path, "application/json", ("{\"displayName\":\"Sam\",\"relation\":\"SIBLING\",\"phone\":\""
                                                      + wrong + "\"}").getBytes()).status(), wrong);
        }
        assertEquals(400, cast.inspectorApi().unchecked().send(
                "PUT", path, "application/json", "{\"displayName\":\"Sam\",\"relation\":\"LAWYER\"}".getBytes())
                .status(), "a representative represents someone");
    }

    @Test
    void aMemberMadeARepresentativeByTheirDetailsGetsTheNarrowScopeAndLosesItAgain() {
        CaseFiles.Cast cast = files.cast("mc-scope");
        CaseFiles.Member member = files.member(cast, "mc-scope-lawyer");
        CaseFiles.Member represented = files.member(cast, "mc-scope-victim");
        String path = "/api/cases/" + cast.caseId() + "/members/" + member.membershipId();

        JsonNode lawyer = cast.inspectorApi().send("PUT", path, "application/json",
                                                   ("{\"displayName\":\"Mr. Jansen\",\"relation\":\"LAWYER\","
                                                    + "\"representsMemberId\":\"" + represented.membershipId()
                                                    + "\"}").getBytes()).json();
        assertEquals(represented.membershipId(), lawyer.path("representsMemberId").asText());
        assertEquals("MESSAGES_AND_INTERVIEWS", lawyer.path("representationScope").asText(),
                     "a representative made so by their details has the narrow scope until it is changed");

        JsonNode kin = cast.inspectorApi().send("PUT", path, "application/json",
                                                "{\"displayName\":\"Sam\",\"relation\":\"SIBLING\"}".getBytes())
                .json();
        assertTrue(kin.path("representsMemberId").isMissingNode() || kin.path("representsMemberId").isNull());
        assertTrue(kin.path("representationScope").isMissingNode() || kin.path("representationScope").isNull(),
                   "who represents nobody has no scope");
    }

    @Test
    void aRepresentativeMovedToAnotherMemberStartsAgainWithTheNarrowScope() {
        CaseFiles.Cast cast = files.cast("mc-move");
        CaseFiles.Member member = files.member(cast, "mc-move-lawyer");
        CaseFiles.Member first = files.member(cast, "mc-move-first");
        CaseFiles.Member second = files.member(cast, "mc-move-second");
        String path = "/api/cases/" + cast.caseId() + "/members/" + member.membershipId();
        String details = "{\"displayName\":\"Mr. Jansen\",\"relation\":\"LAWYER\",\"representsMemberId\":\"%s\"}";
        cast.inspectorApi().send("PUT", path, "application/json", details.formatted(first.membershipId()).getBytes());
        assertEquals("FULL", cast.inspectorApi().send("PUT", path + "/representation", "application/json",
                                                      ("{\"representsMemberId\":\"" + first.membershipId()
                                                       + "\",\"representationScope\":\"FULL\"}").getBytes())
                .json().path("representationScope").asText());
        assertEquals("FULL", cast.inspectorApi().send("PUT", path, "application/json",
                                                      details.formatted(first.membershipId()).getBytes())
                .json().path("representationScope").asText(), "the same member: the scope stays");

        JsonNode moved = cast.inspectorApi().send("PUT", path, "application/json",
                                                  details.formatted(second.membershipId()).getBytes()).json();
        assertEquals(second.membershipId(), moved.path("representsMemberId").asText());
        assertEquals("MESSAGES_AND_INTERVIEWS", moved.path("representationScope").asText(),
                     "full powers for one member are never carried over to another");
    }

    @Test
    void theDashboardOffersThePhoneNumberOfAMemberWhoHasNotRead() {
        CaseFiles.Cast cast = files.cast("mc-dash");
        CaseFiles.Member member = files.member(cast, "mc-dash-kin");
        cast.inspectorApi().send("PUT", "/api/cases/" + cast.caseId() + "/members/" + member.membershipId(),
                                 "application/json",
                                 "{\"displayName\":\"Kim\",\"relation\":\"PARENT\",\"phone\":\"020 123 4567\"}"
                                         .getBytes());
        cast.inspectorApi().post("/api/cases/" + cast.caseId() + "/updates", "{\"text\":\"Nieuws.\"}");
        service.clock().advance(Duration.ofMinutes(1));
        JsonNode unread = service.api().as(service.people().signInStaff(cast.inspector())).get("/api/dashboard")
                .json().path("unreadUpdates");
        assertEquals("020 123 4567", unread.path(0).path("phone").asText(), unread.toString());
        JsonNode forInvestigator = service.api().as(service.people().signInStaff(cast.investigator()))
                .get("/api/dashboard").json().path("unreadUpdates");
        assertEquals(1, forInvestigator.size());
        assertTrue(forInvestigator.path(0).path("phone").isMissingNode(), forInvestigator.toString());
    }

    @Test
    void aCorrectedAddressSignsTheOldOneOutAndGetsTheMailThatFailed() throws SQLException {
        CaseFiles.Cast cast = files.cast("mc-address");
        String wrong = "mc-adress-typo@example.org";
        String right = "mc-address-right@example.org";
        String membership = files.join(cast, wrong);
        Api wrongPerson = service.api().as(service.people().signInMember(wrong));
        // The invitation to the mistyped address failed for good (as after 72 hours of retries).
        Sql.run(service, "UPDATE outbox SET status = 'FAILED', last_error = 'refused' WHERE recipient_email = '"
                         + wrong + "' AND template = 'member-invitation'");
        Api inspector = service.api().as(service.people().signInStaff(cast.inspector()));
        assertEquals(1, inspector.get("/api/dashboard").json().path("failedNotifications").size());

        JsonNode corrected = inspector.send("PUT", "/api/cases/" + cast.caseId() + "/members/" + membership + "/email",
                                            "application/json", ("{\"email\":\" MC-Address-Right@Example.org \"}")
                                                    .getBytes()).json();
        assertEquals(right, corrected.path("member").path("email").asText());
        assertEquals(1, corrected.path("resentMails").asInt());
        Mailbox.await(right, INVITATION);
        assertEquals(401, wrongPerson.unchecked().get("/api/cases").status(), "the old address's session ended");
        assertEquals(0, inspector.get("/api/dashboard").json().path("failedNotifications").size(),
                     "the failed mail was sent again");
        assertEquals(200, service.api().as(service.people().signInMember(right)).get("/api/cases").status());

        String other = files.join(cast, "mc-address-other@example.org");
        assertEquals(409, inspector.unchecked().send("PUT", "/api/cases/" + cast.caseId() + "/members/" + other
                                                             + "/email", "application/json",
                                                     ("{\"email\":\"" + right + "\"}").getBytes()).status(),
                     "an address another account has");
        assertEquals(400, inspector.unchecked().send("PUT", "/api/cases/" + cast.caseId() + "/members/" + other
                                                             + "/email", "application/json",
                                                     "{\"email\":\"not an address\"}".getBytes()).status());
    }

    @Test
    void anAddressIsNotCorrectedWhenThePersonAlsoTakesPartInACaseOfAnotherFamilyInspector() {
        CaseFiles.Cast mine = files.cast("mc-shared");
        CaseFiles.Cast theirs = files.cast("mc-shared-other");
        String email = "mc-shared-kin@example.org";
        String membership = files.join(mine, email);
        files.join(theirs, email);
        String path = "/api/cases/" + mine.caseId() + "/members/" + membership + "/email";
        var refused = mine.inspectorApi().unchecked().send("PUT", path, "application/json",
                                                           "{\"email\":\"mc-shared-new@example.org\"}".getBytes());
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().path("detail").asText().contains("another family inspector"), refused.body());
        assertTrue(service.running().features().accounts().byEmail(email).isPresent(), "the address is unchanged");
        assertTrue(service.running().features().accounts().byEmail("mc-shared-new@example.org").isEmpty());

        CaseFiles.Cast alsoMine = files.another(mine, "mc-shared-mine-too");
        String own = "mc-shared-own@example.org";
        String ownMembership = files.join(mine, own);
        files.join(alsoMine, own);
        assertEquals(200, mine.inspectorApi().send("PUT", "/api/cases/" + mine.caseId() + "/members/" + ownMembership
                                                          + "/email", "application/json",
                                                   "{\"email\":\"mc-shared-own-new@example.org\"}".getBytes())
                .status(), "all of the person's cases are the family inspector's own");
    }

    @Test
    void aMemberSeesTheChangesMadeToTheirMembershipButNotThoseMadeToAnotherMember() {
        CaseFiles.Cast cast = files.cast("mc-log");
        CaseFiles.Member a = files.member(cast, "mc-log-a");
        CaseFiles.Member b = files.member(cast, "mc-log-b");
        String member = "/api/cases/" + cast.caseId() + "/members/" + a.membershipId();
        cast.inspectorApi().send("PUT", member, "application/json",
                                 "{\"displayName\":\"A. Jansen\",\"relation\":\"PARENT\"}".getBytes());
        cast.inspectorApi().send("PUT", member + "/email", "application/json",
                                 "{\"email\":\"mc-log-a-new@example.org\"}".getBytes());
        cast.inspectorApi().get("/api/cases/" + cast.caseId() + "/busy?from=" + service.clock().instant()
                                + "&until=" + service.clock().instant().plus(Duration.ofDays(7)));
        String theirs = b.api().get("/api/access-log").body();
        for (String action : List.of("case.members.update", "case.members.address", "appointment.busy.list")) {
            assertFalse(theirs.contains(action), action + " about another member: " + theirs);
        }
        String own = service.api().as(service.people().signInMember("mc-log-a-new@example.org"))
                .get("/api/access-log").body();
        assertTrue(own.contains("case.members.address") && own.contains("case.members.update"), own);
    }

    @Test
    void theInvitationIsSentAgainOnceForOneKey() {
        CaseFiles.Cast cast = files.cast("mc-again");
        String email = "mc-again-kin@example.org";
        String membership = files.join(cast, email);
        Mailbox.await(email, INVITATION);
        int before = Mailbox.to(email, INVITATION).size();
        String path = "/api/cases/" + cast.caseId() + "/members/" + membership + "/invitation";
        assertEquals(202, cast.inspectorApi().post(path, "", "Idempotency-Key", "again-1").status());
        assertEquals(202, cast.inspectorApi().post(path, "", "Idempotency-Key", "again-1").status());
        Mailbox.awaitNew(email, INVITATION, before);
        assertEquals(before + 1, Mailbox.to(email, INVITATION).size(), "one mail for one key");
        assertEquals(204, cast.inspectorApi().delete("/api/cases/" + cast.caseId() + "/members/" + membership)
                .status());
        assertEquals(404, cast.inspectorApi().unchecked().post(path, "").status(), "not for an ended membership");
        assertFalse(cast.inspectorApi().get("/api/cases/" + cast.caseId() + "/members").json().path("members")
                            .path(0).path("endedAt").isMissingNode());
    }
}
