package nl.familyliaison.rights;

import java.time.Instant;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;

/**
 * A member's data rights over HTTP: download everything of theirs in one zip, ask to be removed; the family
 * inspector sees open requests of their cases' members and confirms them.
 */
public final class DataRightsService {

    private final Exporter exporter;
    private final Removal removal;
    private final Guards guards;
    private final AccessAudit audit;

    public DataRightsService(Exporter exporter, Removal removal, Guards guards, AccessAudit audit) {
        this.exporter = exporter;
        this.removal = removal;
        this.guards = guards;
        this.audit = audit;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/export", guards.roles(Role.MEMBER), this::export)
                .post("/api/removal-requests", guards.roles(Role.MEMBER), this::request)
                .get("/api/removal-requests", guards.roles(Role.MEMBER, Role.FAMILY_INSPECTOR), this::list)
                .post("/api/removal-requests/{requestId}/confirmation", guards.roles(Role.FAMILY_INSPECTOR),
                      this::confirm);
    }

    /** A request to be removed; {@code name} only for the family inspector (it is gone once confirmed). */
    record RequestView(String id, String accountId, String name, Instant requestedAt) {
    }

    record RequestList(List<RequestView> requests) {
    }

    record Removed(String accountId) {
    }

    private void export(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
        byte[] zip = ExportArchive.zip(exporter.gather(request), actor.account().language());
        audit.record(request, actor.account(), "account.export", "account", actor.accountId(),
                     AccessAudit.Result.SUCCEEDED);
        response.headers().contentType(HttpMediaType.create("application/zip"));
        response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"family-liaison-export.zip\"");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(zip);
    }

    private void request(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
        RemovalRepository.Request made = removal.request(
                actor.account(), audit.written(request, actor.account(), "account.removal.request", "removal-request"));
        response.status(Status.ACCEPTED_202).send(view(made, false));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
        boolean member = actor.role() == Role.MEMBER;
        List<RemovalRepository.Request> found = member ? removal.openOf(actor.accountId())
                                                       : removal.openForInspector(actor.accountId());
        audit.record(request, actor.account(), "account.removal.list", "removal-request", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new RequestList(found.stream().map(open -> view(open, !member)).toList()));
    }

    private void confirm(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
        String requestId = request.path().pathParameters().get("requestId");
        if (!Ids.isId(requestId)) {
            throw ProblemException.notFound();
        }
        String removed = removal.confirm(requestId, actor.accountId(),
                                         audit.written(request, actor.account(), "account.removal.confirm",
                                                       "account"));
        response.send(new Removed(removed));
    }

    private static RequestView view(RemovalRepository.Request request, boolean withName) {
        return new RequestView(request.id(), request.accountId(), withName ? request.name() : null,
                               request.requestedAt());
    }
}
