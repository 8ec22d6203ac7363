package nl.familyliaison.access;

import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;

/** Staff accounts, for administrators: create (with an invitation mail), list, disable. */
public final class StaffService {

    private final StaffAccounts staff;
    private final Guards guards;
    private final AccessAudit audit;

    public StaffService(StaffAccounts staff, Guards guards, AccessAudit audit) {
        this.staff = staff;
        this.guards = guards;
        this.audit = audit;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/staff", guards.roles(Role.ADMIN), this::list)
                .post("/api/staff", guards.roles(Role.ADMIN), this::create)
                .post("/api/staff/{accountId}/disable", guards.roles(Role.ADMIN), this::disable);
    }

    record NewStaff(String email, String displayName, Role role, String language) {
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
        audit.record(request, Actor.of(request).orElseThrow().account(), "staff.list", "account", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new StaffList(staff.list().stream().map(StaffMember::of).toList()));
    }

    private void create(ServerRequest request, ServerResponse response) {
        NewStaff body = Json.read(request, NewStaff.class);
        Language language = body.language() == null ? Language.NL
                : Language.parse(body.language()).orElseThrow(() -> ProblemException.invalid("language",
                                                                                             "Choose nl or en."));
        Actor actor = Actor.of(request).orElseThrow();
        StaffAccounts.Invited invited = staff.create(body.email(), body.displayName(), body.role(), language,
                                                     audit.written(request, actor.account(), "staff.create",
                                                                   "account"));
        response.status(Status.CREATED_201).send(StaffMember.of(invited.account()));
    }

    private void disable(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
        String accountId = request.path().pathParameters().get("accountId");
        if (!Ids.isId(accountId)) {
            throw ProblemException.notFound();
        }
        Account disabled = staff.disable(accountId, actor,
                                         audit.written(request, actor.account(), "staff.disable", "account"));
        response.send(StaffMember.of(disabled));
    }
}
