package nl.familyliaison.cases;

import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Language;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /api/phases}: the standard phases of an investigation in plain language. Public: it explains how any
 * investigation goes and holds nothing of a case.
 */
public final class PhaseService {

    private final PhaseRepository phases;

    public PhaseService(PhaseRepository phases) {
        this.phases = phases;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/phases", ApiRoutes.PUBLIC, this::list);
    }

    private void list(ServerRequest request, ServerResponse response) {
        response.send(new PhaseList(phases.all(Language.of(request))));
    }

    /** The answer's shape: an object, so fields can be added later without breaking clients. */
    public record PhaseList(java.util.List<Phase> phases) {
    }
}
