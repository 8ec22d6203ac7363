package nl.familyliaison.cases;

import java.time.Clock;
import java.util.Optional;

import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Authorization.Visibility;
import nl.familyliaison.audit.AuditEvent;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.Outcome;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;

/**
 * The door to everything of a case. Every case route asks it first: it finds how the signed-in person stands to the
 * case, asks the one authorization decision, and records the access in the audit trail — allowed or denied. A denied
 * or unknown case answers 404 alike, so that nobody learns whether a case exists.
 */
public record CaseAccess(CaseRepository cases, Authorization authorization, AuditLog audit, Clock clock) {

    /**
     * The signed-in person may do {@code action} on the case; records it as {@code what} on {@code objectType}.
     *
     * @throws ProblemException 404 when the case does not exist or is not for them
     */
    public CaseContext require(Actor actor, String caseId, CaseAction action, String what) {
        return require(actor, caseId, action, what, "case");
    }

    /**
     * As above, recorded on {@code objectType} of the case instead of the case itself: for what a member's access
     * log does not show (staff notes), whose existence is not the member's business.
     */
    public CaseContext require(Actor actor, String caseId, CaseAction action, String what, String objectType) {
        return require(actor, caseId, action, what, objectType, Ids.isId(caseId) ? caseId : null);
    }

    /**
     * As above, recorded on the object {@code objectId} of {@code objectType} in the case: a member's access log shows
     * it to those members the object is for, never to the others.
     */
    public CaseContext require(Actor actor, String caseId, CaseAction action, String what, String objectType,
                               String objectId) {
        Optional<CaseRepository.CaseWithRole> found = Ids.isId(caseId)
                ? cases.withRoleOf(caseId, actor.accountId(), Cases.today(clock)) : Optional.empty();
        CaseRole role = found.map(CaseRepository.CaseWithRole::role).orElse(CaseRole.NONE);
        boolean allowed = found.isPresent()
                          && authorization.mayOnCase(actor, action, role.relation(), Visibility.ALL_MEMBERS)
                          && open(found.get().investigation(), actor);
        record(actor, role, what, objectType, objectId, Ids.isId(caseId) ? caseId : null,
               allowed ? Outcome.ALLOWED : Outcome.DENIED);
        if (!allowed) {
            throw ProblemException.notFound();
        }
        return new CaseContext(caseId, actor, role, found.get().investigation());
    }

    /** Members lose a closed case when its aftercare ends; staff keep it (until retention purges its content). */
    private boolean open(Investigation investigation, Actor actor) {
        return actor.role() != nl.familyliaison.access.Role.MEMBER || investigation.openToMembersAt(clock.instant());
    }

    /** Whether the person of {@code context} may see {@code item}: the one decision, {@link Authorization#maySee}. */
    public boolean maySee(CaseContext context, Authorization.Item item) {
        return authorization.maySee(context.actor(), context.role().relation(), context.role().memberId(), item);
    }

    /** Whether the person of {@code context} may do {@code action} on behalf of the membership {@code forMember}. */
    public boolean mayActFor(CaseContext context, CaseAction action, String forMember) {
        return authorization.mayActFor(context.actor(), context.role().relation(), action, forMember);
    }

    /** Whether the person of {@code context} may see an item of {@code kind} shared with {@code visibility}. */
    public boolean maySee(CaseContext context, Authorization.ItemKind kind, Visibility visibility) {
        return maySee(context, Authorization.Item.of(kind, visibility));
    }

    /** Records an access to one object of a case (a read or write that {@link #require} let through). */
    public void recorded(CaseContext context, String what, String objectType, String objectId, boolean allowed) {
        record(context.actor(), context.role(), what, objectType, objectId, context.caseId(),
               allowed ? Outcome.ALLOWED : Outcome.DENIED);
    }

    /** Records a retry given the kept answer of an earlier write: it wrote nothing, so it has no event of its own. */
    public void replayed(CaseContext context, String what, String objectType, Idempotency.Answer answer) {
        if (answer.replayed()) {
            recorded(context, what, objectType, answer.objectId(), true);
        }
    }

    /**
     * The event of a write to one object of a case that {@link #require} let through, for the write to append in its
     * own transaction: it commits or rolls back with the write.
     */
    public WriteEvent write(CaseContext context, String what, String objectType) {
        return (tx, objectId) -> audit.append(tx, event(context.actor(), context.role(), what, objectType, objectId,
                                                        context.caseId(), Outcome.ALLOWED));
    }

    /** The event of opening a case (the new case's id comes with the write), for its own transaction. */
    public WriteEvent opening(Actor actor, String what) {
        return (tx, caseId) -> audit.append(tx, event(actor, CaseRole.NONE, what, "case", caseId, caseId,
                                                      Outcome.ALLOWED));
    }

    /** Records a read that lists objects of several cases (such as the case list), in no one case. */
    public void recordedList(Actor actor, String what, String objectType) {
        record(actor, CaseRole.NONE, what, objectType, null, null, Outcome.ALLOWED);
    }

    private void record(Actor actor, CaseRole role, String what, String objectType, String objectId, String caseId,
                        Outcome outcome) {
        audit.append(event(actor, role, what, objectType, objectId, caseId, outcome));
    }

    /** An access by a substitute says so, and for whom they stand in. */
    private AuditEvent event(Actor actor, CaseRole role, String what, String objectType, String objectId,
                             String caseId, Outcome outcome) {
        return audit.event(what, outcome)
                .actor(actor.accountId(), actor.role().name())
                .object(objectType, objectId)
                .caseId(caseId)
                .request(actor.caller().requestId(), actor.caller().address())
                .detail(role.substitute() ? "substitute-for:" + role.substituteFor().orElseThrow() : null)
                .build();
    }

    /**
     * A case the signed-in person may act on, how they stand to it, and the case as it was when access was granted
     * (a route that changes the case reads it again).
     */
    public record CaseContext(String caseId, Actor actor, CaseRole role, Investigation investigation) {
    }
}
