package nl.familyliaison.signin;

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

/** Staff accounts, for administrators: list and disable (creating one needs a second administrator). */
public record StaffService(StaffAccounts staff, Guards guards, AccessAudit audit) {

    public void routes(ApiRoutes routes) {
        // POST /api/staff asks for a new account: a second administrator approves it (see approvals.ApprovalService).
        routes.get("/api/staff", guards.roles(Role.ADMIN), this::list)
                .post("/api/staff/{accountId}/disable", guards.roles(Role.ADMIN), this::disable);
    }

    record StaffMember(String id, String email, String displayName, Role role, Account.Status status) {
        static StaffMember of(Account account) {
            return new StaffMember(account.id(), account.email(), account.displayName(), account.role(),
                                   account.status());
        }
    }

    record StaffList(List<StaffMember> staff) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        audit.record(Caller.of(request), Authentication.actor(request).account(), "staff.list", "account", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new StaffList(staff.list().stream().map(StaffMember::of).toList()));
    }

    private void disable(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String accountId = request.path().pathParameters().get("accountId");
        if (!Ids.isId(accountId)) {
            throw ProblemException.notFound();
        }
        Account disabled = staff.disable(accountId, actor,
                                         audit.written(actor.caller(), actor.account(), "staff.disable", "account"));
        response.send(StaffMember.of(disabled));
    }
}
