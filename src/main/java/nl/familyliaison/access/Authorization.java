package nl.familyliaison.access;

import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides who may do what. Routes ask it whether a signed-in role may use them; everything of a
 * case asks it with the actor's relation to that case and the item's visibility. A refusal of an object is answered
 * as "not found" by the callers, so its existence does not leak.
 */
public final class Authorization {

    /** What someone wants to do with (something of) a case. */
    public enum CaseAction {
        READ_CASE, READ_TIMELINE, READ_CONTACTS, READ_ACCESS_LOG,
        READ_MESSAGES, POST_MESSAGE,
        ANSWER_APPOINTMENT, SCHEDULE_APPOINTMENT,
        READ_BRIEFING, BRIEF,
        POST_UPDATE, READ_MEMBERS, MANAGE_MEMBERS, MANAGE_CASE,
        ASSIGN_STAFF,
        /** Staff-only notes on a case: its family inspector and investigators, never members or administrators. */
        READ_NOTES, WRITE_NOTES
    }

    /**
     * How the actor stands to one case.
     *
     * @param substitute   a family inspector standing in, today, for an absent family inspector of the case
     * @param representing the member a representative stands for, and in which scope
     */
    public record CaseRelation(boolean member, boolean familyInspector, boolean investigator, boolean substitute,
                               Optional<Representing> representing) {
        public static final CaseRelation NONE = new CaseRelation(false, false, false);

        public CaseRelation(boolean member, boolean familyInspector, boolean investigator) {
            this(member, familyInspector, investigator, false, Optional.empty());
        }
    }

    /** What a representative may do for the member they represent, as the family inspector chose. */
    public enum RepresentationScope {
        /** Sees what the represented member sees; writes messages and answers interviews on their behalf. */
        FULL,
        /** Sees only the represented member's threads and interviews (and their files); acts only for themselves. */
        MESSAGES_AND_INTERVIEWS
    }

    /** The membership a representative stands for. */
    public record Representing(String memberId, RepresentationScope scope) {
    }

    /** Who may see one item of a case: every member, or only the chosen ones. */
    public record Visibility(boolean allMembers, Set<String> chosenMembers) {
        public static final Visibility ALL_MEMBERS = new Visibility(true, Set.of());

        public static Visibility chosen(Set<String> memberAccountIds) {
            return new Visibility(false, Set.copyOf(memberAccountIds));
        }

        boolean includes(String accountId) {
            return allMembers || chosenMembers.contains(accountId);
        }
    }

    /** The kinds of item of a case that are shared with every member or with chosen ones. */
    public enum ItemKind {
        UPDATE, THREAD, PROPOSAL, APPOINTMENT, BRIEFING, ATTACHMENT,
        /** A membership: staff see every one, a member only their own. */
        MEMBERSHIP
    }

    /**
     * One item of a case: its kind, whom it is shared with (member ids, not accounts), and the account that alone holds
     * it while it is not shared yet (an upload not sent with a message), or null.
     */
    public record Item(ItemKind kind, Visibility visibility, String heldBy) {

        public static Item of(ItemKind kind, Visibility visibility) {
            return new Item(kind, visibility, null);
        }
    }

    /** Whether a signed-in role may use a route restricted to {@code allowed} roles. */
    public boolean mayUseRoute(Optional<Actor> actor, Set<Role> allowed) {
        return actor.isPresent() && (allowed.isEmpty() || allowed.contains(actor.get().role()));
    }

    /**
     * What a session that may only link DigiD reaches: itself and the account's other sessions (see, sign out, end
     * one: no case content), and the start of linking.
     */
    static final Set<String> LINK_ONLY_ROUTES = Set.of("/api/session", "/api/sessions", "/api/sessions/{sessionId}",
                                                       "/api/sign-in/oidc/{provider}");

    /**
     * Whether the actor's session may use a route at all: a session from the emailed code, while members must use
     * DigiD, reaches only {@link #LINK_ONLY_ROUTES}.
     */
    public boolean mayUseRouteInSession(Actor actor, String route) {
        return !actor.session().linkOnly() || LINK_ONLY_ROUTES.contains(route);
    }

    /** The decision for everything of a case. */
    public boolean mayOnCase(Actor actor, CaseAction action, CaseRelation relation, Visibility visibility) {
        return switch (actor.role()) {
            case ADMIN -> action == CaseAction.ASSIGN_STAFF || action == CaseAction.READ_CASE;
            case FAMILY_INSPECTOR -> inCharge(relation) && action != CaseAction.ASSIGN_STAFF;
            case INVESTIGATOR -> relation.investigator() && investigatorMay(action);
            case MEMBER -> relation.member() && memberMay(action) && visibility.includes(actor.accountId());
        };
    }

    /**
     * The decision for one item of a case, for every kind: whether the actor ({@code role}, {@code accountId}),
     * standing to the item's case as {@code relation} with membership {@code memberId} (empty for staff), may see it.
     * Administrators never see case content; investigators see no messages, files or briefings.
     */
    public boolean maySee(Role role, String accountId, CaseRelation relation, Optional<String> memberId, Item item) {
        boolean kindAllowed = switch (role) {
            case ADMIN -> false;
            case FAMILY_INSPECTOR -> inCharge(relation);
            case INVESTIGATOR -> relation.investigator() && investigatorSees(item.kind());
            case MEMBER -> relation.member() && memberId.isPresent();
        };
        if (!kindAllowed) {
            return false;
        }
        if (item.heldBy() != null) {
            return item.heldBy().equals(accountId);
        }
        return role != Role.MEMBER || item.visibility().includes(memberId.orElseThrow())
               || relation.representing().filter(represented -> representedSees(represented, item))
                       .isPresent();
    }

    /**
     * Whether a member may act ({@link CaseAction#POST_MESSAGE}, {@link CaseAction#ANSWER_APPOINTMENT}) on behalf of
     * the membership {@code forMember}: only a representative with the FULL scope, for the member they represent.
     */
    public boolean mayActFor(Actor actor, CaseRelation relation, CaseAction action, String forMember) {
        return actor.role() == Role.MEMBER && relation.member()
               && (action == CaseAction.POST_MESSAGE || action == CaseAction.ANSWER_APPOINTMENT)
               && relation.representing()
                       .filter(represented -> represented.scope() == RepresentationScope.FULL)
                       .filter(represented -> represented.memberId().equals(forMember)).isPresent();
    }

    /** The case's own family inspector, or the substitute standing in for them today. */
    private static boolean inCharge(CaseRelation relation) {
        return relation.familyInspector() || relation.substitute();
    }

    /** A representative sees an item shared with the member they represent, within their scope. */
    private static boolean representedSees(Representing represented, Item item) {
        boolean inScope = represented.scope() == RepresentationScope.FULL || switch (item.kind()) {
            case THREAD, ATTACHMENT, PROPOSAL, APPOINTMENT -> true;
            case UPDATE, BRIEFING, MEMBERSHIP -> false;
        };
        return inScope && item.visibility().includes(represented.memberId());
    }

    /** {@link #maySee(Role, String, CaseRelation, Optional, Item)} for the signed-in actor. */
    public boolean maySee(Actor actor, CaseRelation relation, Optional<String> memberId, Item item) {
        return maySee(actor.role(), actor.accountId(), relation, memberId, item);
    }

    private static boolean investigatorSees(ItemKind kind) {
        return switch (kind) {
            case UPDATE, PROPOSAL, APPOINTMENT, MEMBERSHIP -> true;
            case THREAD, ATTACHMENT, BRIEFING -> false;
        };
    }

    private static boolean investigatorMay(CaseAction action) {
        return switch (action) {
            // READ_MEMBERS: an investigator chooses whom to invite to an interview.
            case READ_CASE, READ_TIMELINE, READ_CONTACTS, READ_MEMBERS, SCHEDULE_APPOINTMENT, READ_NOTES,
                 WRITE_NOTES -> true;
            default -> false;
        };
    }

    private static boolean memberMay(CaseAction action) {
        return switch (action) {
            case READ_CASE, READ_TIMELINE, READ_CONTACTS, READ_ACCESS_LOG, READ_MESSAGES, POST_MESSAGE,
                 ANSWER_APPOINTMENT, READ_BRIEFING -> true;
            default -> false;
        };
    }
}
