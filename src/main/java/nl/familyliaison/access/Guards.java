package nl.familyliaison.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.RouteAccess;

/**
 * Route access built on the one authorization decision: nobody signed in → 401; signed in with a role the route is
 * not for → 404, as if the route did not exist for them.
 */
public final class Guards {

    static final int AUDITED_ROUTE_LENGTH = 64;

    private final Authorization authorization;
    private final AccessAudit audit;

    public Guards(Authorization authorization, AccessAudit audit) {
        this.authorization = authorization;
        this.audit = audit;
    }

    /** Anyone who is signed in. */
    public RouteAccess signedIn() {
        return roles(Set.of());
    }

    /** Only these roles. */
    public RouteAccess roles(Role first, Role... more) {
        return roles(EnumSet.of(first, more));
    }

    private RouteAccess roles(Set<Role> allowed) {
        String name = allowed.isEmpty() ? "signed-in"
                : "roles:" + allowed.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        return Authentication.routeAccess(name, (actor, route, caller) -> {
            if (actor.isEmpty()) {
                throw new ProblemException(ProblemType.SIGN_IN_REQUIRED, "Please sign in first.");
            }
            if (!authorization.mayUseRouteInSession(actor.get(), route)) {
                audit.record(caller, actor.get().account(), "access.refused.link-only", "route", auditedRoute(route),
                             AccessAudit.Result.DENIED);
                throw new ProblemException(ProblemType.SIGN_IN_LINK_NEEDED,
                                           "Link DigiD first, then sign in with DigiD.");
            }
            if (!authorization.mayUseRoute(actor, allowed)) {
                audit.record(caller, actor.get().account(), "access.refused", "route", auditedRoute(route),
                             AccessAudit.Result.DENIED);
                throw ProblemException.notFound();
            }
        });
    }

    /**
     * The route as the audit trail's object id, which holds 64 characters: a longer route template keeps its start
     * and an ellipsis, so that a refusal on it is still recorded (and answered 404) instead of failing.
     */
    static String auditedRoute(String pattern) {
        if (pattern == null || pattern.length() <= AUDITED_ROUTE_LENGTH) {
            return pattern;
        }
        return pattern.substring(0, AUDITED_ROUTE_LENGTH - 3) + "...";
    }
}
