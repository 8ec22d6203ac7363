package nl.familyliaison.platform;

import io.helidon.webserver.http.ServerRequest;

/** The ids that routes carry in their path, read in one place so every feature names them the same way. */
public final class PathIds {

    private PathIds() {
    }

    /** The {@code {caseId}} of a route under /api/cases/{caseId}; access checks decide whether it names a case. */
    public static String caseId(ServerRequest request) {
        return request.path().pathParameters().get("caseId");
    }
}
