package nl.familyliaison.cases;

import java.time.Clock;

import static nl.familyliaison.platform.PathIds.caseId;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;

/** Closing a case over HTTP (family inspector). */
public record ClosingService(Closing closing, CaseRepository cases, CaseAccess access, PhaseRepository phases,
                             Clock clock, Guards guards) {

    public void routes(ApiRoutes routes) {
        routes.post("/api/cases/{caseId}/closing", guards.roles(Role.FAMILY_INSPECTOR), this::close);
    }

    record ClosingUpdate(String text) {
    }

    private void close(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_CASE, "case.close");
        ClosingUpdate body = Json.read(request, ClosingUpdate.class);
        closing.close(cases.byId(context.caseId()).orElseThrow(), context.actor().accountId(), body.text(),
                      phases.codes(), Cases.today(clock), access.write(context, "case.closed", "case"));
        Investigation closed = cases.byId(context.caseId()).orElseThrow();
        response.send(CaseView.of(closed, phases.titleOf(closed.phase(), Language.of(request)), Cases.today(clock)));
    }
}
