package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Texts;

/** {@code GET /api/cases/{caseId}/contacts}: who does what on the case, and where else to find help. */
public record ContactsService(Contacts contacts, CaseAccess access, Guards guards, java.time.Clock clock) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/cases/{caseId}/contacts", guards.signedIn(), this::show);
    }

    private void show(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.READ_CONTACTS, "case.contacts.read");
        response.send(contacts.of(context.caseId(), context.role(), Cases.today(clock), Texts.of(request)));
    }
}
