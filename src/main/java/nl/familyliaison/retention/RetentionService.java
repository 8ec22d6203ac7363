package nl.familyliaison.retention;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;

/** An administrator sees what the next retention run would purge (a dry run: nothing changes). */
public record RetentionService(RetentionJob job, Guards guards, AccessAudit audit) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/retention/preview", guards.roles(Role.ADMIN), this::preview);
    }

    private void preview(ServerRequest request, ServerResponse response) {
        RetentionJob.Report report = job.run(true);
        Actor actor = Authentication.actor(request);
        audit.record(actor.caller(), actor.account(), "retention.preview", "retention", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(report);
    }
}
