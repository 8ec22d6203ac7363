package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;

/**
 * {@code GET /api/overdue-promises}: the administrators' console line for every escalated promise still open — the
 * case's reference and its family inspector, nothing of the case's content.
 */
public record OverduePromiseService(OverduePromises promises, Guards guards, AccessAudit audit) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/overdue-promises", guards.roles(Role.ADMIN), this::list);
    }

    record Line(String caseId, String reference, String familyInspector, LocalDate promisedBy, Instant escalatedAt) {
    }

    record Lines(List<Line> promises) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        audit.record(actor.caller(), actor.account(), "overdue-promises.read", "case", null, AccessAudit.Result.SUCCEEDED);
        response.send(new Lines(promises.escalated().stream()
                                        .map(found -> new Line(found.caseId(), found.reference(),
                                                               found.familyInspector(), found.promisedBy(),
                                                               found.escalatedAt()))
                                        .toList()));
    }
}
