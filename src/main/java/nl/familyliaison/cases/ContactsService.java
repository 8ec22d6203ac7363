package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Language;

/** {@code GET /api/cases/{caseId}/contacts}: who does what on the case, and where else to find help. */
public final class ContactsService {

    private final Contacts contacts;
    private final CaseAccess access;
    private final Guards guards;

    private final java.util.function.Supplier<java.time.LocalDate> today;

    public ContactsService(Contacts contacts, CaseAccess access, Guards guards, java.time.Clock clock) {
        this.today = () -> Cases.today(clock);
        this.contacts = contacts;
        this.access = access;
        this.guards = guards;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/cases/{caseId}/contacts", guards.signedIn(), this::show);
    }

    private void show(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(request, caseId(request),
                                                        CaseAction.READ_CONTACTS, "case.contacts.read");
        response.send(contacts.of(context.caseId(), context.role(), today.get(), Language.of(request)));
    }
}
