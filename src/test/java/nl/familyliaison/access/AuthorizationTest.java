package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Authorization.CaseRelation;
import nl.familyliaison.access.Authorization.Item;
import nl.familyliaison.access.Authorization.ItemKind;
import nl.familyliaison.access.Authorization.Visibility;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Language;
import org.junit.jupiter.api.Test;

/** The one decision, rule by rule. */
class AuthorizationTest {

    private final Authorization authorization = new Authorization();
    private static final CaseRelation MEMBER_OF_CASE = new CaseRelation(true, false, false);
    private static final CaseRelation FAMILY_INSPECTOR_OF_CASE = new CaseRelation(false, true, false);
    private static final CaseRelation INVESTIGATOR_OF_CASE = new CaseRelation(false, false, true);

    @Test
    void aMemberSeesOnlyTheirOwnCases() {
        Actor member = actor(Role.MEMBER, "m1");
        assertTrue(authorization.mayOnCase(member, CaseAction.READ_TIMELINE, MEMBER_OF_CASE, Visibility.ALL_MEMBERS));
        assertFalse(authorization.mayOnCase(member, CaseAction.READ_TIMELINE, CaseRelation.NONE,
                                            Visibility.ALL_MEMBERS));
    }

    @Test
    void anItemForChosenMembersIsHiddenFromTheOthers() {
        Visibility onlyM2 = Visibility.chosen(Set.of("m2"));
        assertFalse(authorization.mayOnCase(actor(Role.MEMBER, "m1"), CaseAction.READ_TIMELINE, MEMBER_OF_CASE,
                                            onlyM2));
        assertTrue(authorization.mayOnCase(actor(Role.MEMBER, "m2"), CaseAction.READ_TIMELINE, MEMBER_OF_CASE,
                                           onlyM2));
    }

    @Test
    void aMemberCannotActAsStaff() {
        Actor member = actor(Role.MEMBER, "m1");
        for (CaseAction action : Set.of(CaseAction.POST_UPDATE, CaseAction.MANAGE_MEMBERS,
                                        CaseAction.SCHEDULE_APPOINTMENT, CaseAction.ASSIGN_STAFF)) {
            assertFalse(authorization.mayOnCase(member, action, MEMBER_OF_CASE, Visibility.ALL_MEMBERS), action::name);
        }
    }

    @Test
    void staffActOnlyOnCasesTheyAreAssignedTo() {
        Actor inspector = actor(Role.FAMILY_INSPECTOR, "fi");
        assertTrue(authorization.mayOnCase(inspector, CaseAction.POST_UPDATE, FAMILY_INSPECTOR_OF_CASE,
                                           Visibility.ALL_MEMBERS));
        assertFalse(authorization.mayOnCase(inspector, CaseAction.READ_TIMELINE, CaseRelation.NONE,
                                            Visibility.ALL_MEMBERS));
        assertFalse(authorization.mayOnCase(actor(Role.INVESTIGATOR, "inv"), CaseAction.READ_TIMELINE,
                                            CaseRelation.NONE, Visibility.ALL_MEMBERS));
    }

    @Test
    void staffNotesAreForTheCasesStaffOnly() {
        for (CaseAction action : Set.of(CaseAction.READ_NOTES, CaseAction.WRITE_NOTES)) {
            assertTrue(authorization.mayOnCase(actor(Role.FAMILY_INSPECTOR, "fi"), action, FAMILY_INSPECTOR_OF_CASE,
                                               Visibility.ALL_MEMBERS), action::name);
            assertTrue(authorization.mayOnCase(actor(Role.INVESTIGATOR, "inv"), action, INVESTIGATOR_OF_CASE,
                                               Visibility.ALL_MEMBERS), action::name);
            assertFalse(authorization.mayOnCase(actor(Role.INVESTIGATOR, "inv"), action, CaseRelation.NONE,
                                                Visibility.ALL_MEMBERS), action::name);
            assertFalse(authorization.mayOnCase(actor(Role.MEMBER, "m1"), action, MEMBER_OF_CASE,
                                                Visibility.ALL_MEMBERS), action::name);
            assertFalse(authorization.mayOnCase(actor(Role.ADMIN, "admin"), action,
                                                new CaseRelation(true, true, true), Visibility.ALL_MEMBERS),
                        action::name);
        }
    }

    @Test
    void investigatorsNeverReadMessages() {
        Actor investigator = actor(Role.INVESTIGATOR, "inv");
        assertTrue(authorization.mayOnCase(investigator, CaseAction.SCHEDULE_APPOINTMENT, INVESTIGATOR_OF_CASE,
                                           Visibility.ALL_MEMBERS));
        assertFalse(authorization.mayOnCase(investigator, CaseAction.READ_MESSAGES, INVESTIGATOR_OF_CASE,
                                            Visibility.ALL_MEMBERS));
        assertFalse(authorization.mayOnCase(investigator, CaseAction.POST_MESSAGE, INVESTIGATOR_OF_CASE,
                                            Visibility.ALL_MEMBERS));
    }

    @Test
    void anAdministratorNeverSeesCaseContent() {
        Actor admin = actor(Role.ADMIN, "admin");
        CaseRelation all = new CaseRelation(true, true, true);
        for (CaseAction action : Set.of(CaseAction.READ_TIMELINE, CaseAction.READ_MESSAGES, CaseAction.POST_UPDATE,
                                        CaseAction.READ_ACCESS_LOG)) {
            assertFalse(authorization.mayOnCase(admin, action, all, Visibility.ALL_MEMBERS), action::name);
        }
        assertTrue(authorization.mayOnCase(admin, CaseAction.ASSIGN_STAFF, CaseRelation.NONE,
                                           Visibility.ALL_MEMBERS));
    }

    @Test
    void anItemOfEveryKindSharedWithOneMemberIsHiddenFromTheOtherMember() {
        for (ItemKind kind : ItemKind.values()) {
            Item onlyMembershipOne = Item.of(kind, Visibility.chosen(Set.of("membership-1")));
            assertTrue(authorization.maySee(actor(Role.MEMBER, "m1"), MEMBER_OF_CASE, Optional.of("membership-1"),
                                            onlyMembershipOne), kind::name);
            assertFalse(authorization.maySee(actor(Role.MEMBER, "m2"), MEMBER_OF_CASE, Optional.of("membership-2"),
                                             onlyMembershipOne), kind::name);
            assertFalse(authorization.maySee(actor(Role.MEMBER, "m1"), CaseRelation.NONE, Optional.empty(),
                                             Item.of(kind, Visibility.ALL_MEMBERS)), kind + ": not a member");
            assertTrue(authorization.maySee(actor(Role.FAMILY_INSPECTOR, "fi"), FAMILY_INSPECTOR_OF_CASE,
                                            Optional.empty(), onlyMembershipOne), kind::name);
            assertFalse(authorization.maySee(actor(Role.FAMILY_INSPECTOR, "fi"), CaseRelation.NONE,
                                             Optional.empty(), onlyMembershipOne), kind + ": another case");
            assertFalse(authorization.maySee(actor(Role.ADMIN, "admin"), new CaseRelation(true, true, true),
                                             Optional.of("membership-1"), onlyMembershipOne), kind + ": admin");
        }
    }

    @Test
    void investigatorsSeeTheTimelineAndInterviewsButNoMessagesFilesOrBriefings() {
        Actor investigator = actor(Role.INVESTIGATOR, "inv");
        for (ItemKind kind : ItemKind.values()) {
            boolean expected = Set.of(ItemKind.UPDATE, ItemKind.PROPOSAL, ItemKind.APPOINTMENT, ItemKind.MEMBERSHIP)
                    .contains(kind);
            assertEquals(expected, authorization.maySee(investigator, INVESTIGATOR_OF_CASE, Optional.empty(),
                                                        Item.of(kind, Visibility.ALL_MEMBERS)), kind::name);
            assertFalse(authorization.maySee(investigator, CaseRelation.NONE, Optional.empty(),
                                             Item.of(kind, Visibility.ALL_MEMBERS)), kind + ": another case");
        }
    }

    @Test
    void anUploadNotSentYetIsOnlyForItsUploader() {
        Item held = new Item(ItemKind.ATTACHMENT, Visibility.chosen(Set.of()), "m1");
        assertTrue(authorization.maySee(actor(Role.MEMBER, "m1"), MEMBER_OF_CASE, Optional.of("membership-1"), held));
        assertFalse(authorization.maySee(actor(Role.MEMBER, "m2"), MEMBER_OF_CASE, Optional.of("membership-2"),
                                         held));
        assertFalse(authorization.maySee(actor(Role.FAMILY_INSPECTOR, "fi"), FAMILY_INSPECTOR_OF_CASE,
                                         Optional.empty(), held));
    }

    @Test
    void routesForRolesAdmitOnlyThoseRoles() {
        assertFalse(authorization.mayUseRoute(Optional.empty(), Set.of()));
        assertTrue(authorization.mayUseRoute(Optional.of(actor(Role.MEMBER, "m")), Set.of()));
        assertFalse(authorization.mayUseRoute(Optional.of(actor(Role.MEMBER, "m")), Set.of(Role.ADMIN)));
        assertTrue(authorization.mayUseRoute(Optional.of(actor(Role.ADMIN, "a")), Set.of(Role.ADMIN)));
    }

    private static Actor actor(Role role, String id) {
        Account account = new Account(id, role, id + "@example.org", id, Account.Status.ACTIVE, new Language("nl"));
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        return new Actor(new Session("s-" + id, account, "csrf", "device", now, now, now.plusSeconds(3600), null),
                         new Caller("test-request", "127.0.0.1"));
    }
}
