package nl.familyliaison.signin;

import java.time.Instant;
import java.util.List;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;

/**
 * Staff accounts, for administrators: list, disable, and a new enrolment link (creating one and enabling one again
 * need a second administrator, see approvals).
 */
public record StaffService(StaffAccounts staff, Guards guards, AccessAudit audit) {

    public void routes(ApiRoutes routes) {
        // POST /api/staff asks for a new account: a second administrator approves it (see approvals.ApprovalService).
        routes.get("/api/staff", guards.roles(Role.ADMIN), this::list)
                .post("/api/staff/{accountId}/disable", guards.roles(Role.ADMIN), this::disable)
                .post("/api/staff/{accountId}/enrolment-link", guards.roles(Role.ADMIN), this::newEnrolmentLink);
    }

    record StaffMember(String id, String email, String displayName, Role role, Account.Status status,
                       Instant lastSignInAt, Instant invitationExpiresAt) {
        static StaffMember of(StaffAccountRepository.StaffListing listing) {
            return new StaffMember(listing.id(), listing.email(), listing.displayName(), listing.role(),
                                   listing.status(), listing.lastSignInAt(), listing.invitationExpiresAt());
        }
    }

    record StaffList(List<StaffMember> staff) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        audit.record(Caller.of(request), Authentication.actor(request).account(), "staff.list", "account", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new StaffList(staff.listing().stream().map(StaffMember::of).toList()));
    }

    private void disable(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String accountId = accountId(request);
        staff.disable(accountId, actor, audit.written(actor.caller(), actor.account(), "staff.disable", "account"));
        send(response, accountId);
    }

    private void newEnrolmentLink(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String accountId = accountId(request);
        staff.newEnrolmentLink(accountId, actor,
                               audit.written(actor.caller(), actor.account(), "staff.enrolment-link", "account"));
        send(response, accountId);
    }

    private static String accountId(ServerRequest request) {
        String accountId = request.path().pathParameters().get("accountId");
        if (!Ids.isId(accountId)) {
            throw ProblemException.notFound();
        }
        return accountId;
    }

    private void send(ServerResponse response, String accountId) {
        response.send(staff.listing().stream().filter(found -> found.id().equals(accountId)).findFirst()
                              .map(StaffMember::of).orElseThrow(ProblemException::notFound));
    }
}
