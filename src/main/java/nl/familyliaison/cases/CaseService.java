package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.LocalDate;
import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;

/**
 * Cases over HTTP: open, list (staff find and sort theirs), see, move the phase, promise the next update; the case's
 * staff notes ({@link NoteService}) and the administrators' overview ({@link CaseAdminService}).
 */
public record CaseService(Cases cases, CaseRepository repository, CaseAccess access, PhaseRepository phases,
                          Guards guards, Idempotency idempotency, MessageActivity messages, NoteService notes,
                          CaseAdminService admin) {

    public void routes(ApiRoutes routes) {
        // PUT /api/cases/{caseId}/staff asks for a change of staff: see approvals.ApprovalService (four eyes).
        routes.post("/api/cases", guards.roles(Role.FAMILY_INSPECTOR, Role.ADMIN), this::open)
                .get("/api/cases", guards.signedIn(), this::list)
                .get("/api/cases/{caseId}", guards.signedIn(), this::get)
                .put("/api/cases/{caseId}/phase", guards.roles(Role.FAMILY_INSPECTOR), this::phase)
                .put("/api/cases/{caseId}/next-update", guards.roles(Role.FAMILY_INSPECTOR), this::nextUpdate);
        notes.routes(routes);
        admin.routes(routes);
    }

    record NewCase(String reference, String title, LocalDate incidentDate) {
    }

    record PhaseChange(String phase) {
    }

    record NextUpdate(LocalDate date, Integer cadenceDays) {
    }

    /** {@code waitingForMe}: of the listed cases, those where a member's message waits (family inspectors). */
    record CaseList(List<CaseView> cases, List<String> waitingForMe) {
    }

    private void open(ServerRequest request, ServerResponse response) {
        NewCase body = Json.read(request, NewCase.class);
        Actor actor = Authentication.actor(request);
        Idempotency.Answer answer = idempotency.create(
                request, actor.accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> cases.open(actor, body.reference(), body.title(), body.incidentDate(),
                                    access.opening(actor, "case.open").with(claim)).id(),
                caseId -> view(repository.byId(caseId).orElseThrow(), Language.of(request), actor.role()));
        access.require(actor, answer.objectId(), CaseAction.READ_CASE, "case.read");
        answer.send(response);
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        CaseFilter filter = CaseFilter.of(query(request, "reference"), query(request, "phase"),
                                          query(request, "overdue"), query(request, "waiting"),
                                          query(request, "sort"), phases.codes());
        List<Investigation> found = switch (actor.role()) {
            case MEMBER -> repository.ofMember(actor.accountId()).stream()
                    .filter(investigation -> investigation.openToMembersAt(cases.now())).toList();
            case ADMIN -> repository.all();
            default -> repository.ofStaff(actor.accountId(), cases.today());
        };
        // Only a family inspector has messages waiting: the query keeps to the cases they are family inspector of.
        java.util.Set<String> waiting = actor.role() != Role.FAMILY_INSPECTOR ? java.util.Set.of()
                : messages.waitingForStaff(actor.accountId(), cases.now()).stream()
                        .map(Dashboard.WaitingThread::caseId).collect(java.util.stream.Collectors.toSet());
        List<Investigation> shown = filter.apply(found, cases.today(), waiting);
        access.recordedList(actor, "case.list", "case");
        Language language = Language.of(request);
        response.send(new CaseList(shown.stream().map(investigation -> view(investigation, language, actor.role()))
                                           .toList(),
                                   shown.stream().map(Investigation::id).filter(waiting::contains).toList()));
    }

    private static String query(ServerRequest request, String name) {
        return request.query().first(name).asOptional().orElse(null);
    }

    private void get(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.READ_CASE, "case.read");
        response.send(view(repository.byId(context.caseId()).orElseThrow(), Language.of(request)));
    }

    private void phase(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_CASE, "case.phase");
        PhaseChange body = Json.read(request, PhaseChange.class);
        cases.movePhase(context.caseId(), body.phase(), phases.codes(),
                        access.write(context, "case.phase", "case"));
        response.send(view(repository.byId(context.caseId()).orElseThrow(), Language.of(request)));
    }

    private void nextUpdate(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_CASE, "case.next-update");
        NextUpdate body = Json.read(request, NextUpdate.class);
        Investigation investigation = repository.byId(context.caseId()).orElseThrow();
        cases.promiseNextUpdate(context.caseId(), body.date(), body.cadenceDays(), investigation.updateCadenceDays(),
                                access.write(context, "case.next-update", "case"));
        response.send(view(repository.byId(context.caseId()).orElseThrow(), Language.of(request)));
    }

    private CaseView view(Investigation investigation, Language language) {
        return view(investigation, language, Role.FAMILY_INSPECTOR);
    }

    /** Administrators never see case content, and the title says what happened: their views go without it. */
    private CaseView view(Investigation investigation, Language language, Role role) {
        CaseView view = CaseView.of(investigation, phases.titleOf(investigation.phase(), language), cases.today());
        return role == Role.ADMIN ? view.withoutTitle() : view;
    }
}
