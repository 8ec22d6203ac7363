package nl.familyliaison.cases;

import java.time.LocalDate;
import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Json;

/**
 * {@code /api/absence-covers}: family inspectors name a substitute for their absence (administrators ask for one for
 * any family inspector, with four eyes: {@code approvals.ApprovalService}); both list and end covers. Which cases a substitute then reaches is decided by the one authorization
 * decision ({@link CaseAccess}), not here.
 */
public record CoverService(Covers covers, Guards guards, AccessAudit audit, Idempotency idempotency) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/absence-covers", guards.roles(Role.FAMILY_INSPECTOR, Role.ADMIN), this::list)
                .post("/api/absence-covers", guards.roles(Role.FAMILY_INSPECTOR), this::name)
                .get("/api/absence-covers/substitutes", guards.roles(Role.FAMILY_INSPECTOR, Role.ADMIN),
                     this::substitutes)
                .delete("/api/absence-covers/{coverId}", guards.roles(Role.FAMILY_INSPECTOR, Role.ADMIN), this::end);
    }

    record Person(String id, String name) {
    }

    record CoverView(String id, Person absent, Person substitute, LocalDate from, LocalDate until, boolean mayEnd) {
        static CoverView of(CoverRepository.Cover cover, Actor actor) {
            return new CoverView(cover.id(), new Person(cover.absentId(), cover.absentName()),
                                 new Person(cover.substituteId(), cover.substituteName()), cover.from(),
                                 cover.until(), Covers.mayEnd(actor.account(), cover));
        }
    }

    record CoverList(List<CoverView> covers) {
    }

    record SubstituteList(List<Person> substitutes) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        audit.record(actor.caller(), actor.account(), "absence-cover.list", "absence-cover", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new CoverList(covers.current(actor.account()).stream()
                                            .map(cover -> CoverView.of(cover, actor)).toList()));
    }

    private void substitutes(ServerRequest request, ServerResponse response) {
        response.send(new SubstituteList(covers.substitutes().stream()
                                                 .map(found -> new Person(found.id(), found.name())).toList()));
    }

    private void name(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        Covers.NewCover body = Json.read(request, Covers.NewCover.class);
        AccessAudit.Written written = audit.written(actor.caller(), actor.account(), "absence-cover.create",
                                                    "absence-cover");
        Idempotency.Answer answer = idempotency.create(
                request, actor.accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> covers.name(actor.account(), body, written.with(claim)),
                id -> CoverView.of(covers.byId(id).orElseThrow(), actor));
        if (answer.replayed()) {
            audit.record(actor.caller(), actor.account(), "absence-cover.create", "absence-cover", answer.objectId(),
                         AccessAudit.Result.SUCCEEDED);
        }
        answer.send(response);
    }

    private void end(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        covers.end(actor.account(), request.path().pathParameters().get("coverId"),
                   audit.written(actor.caller(), actor.account(), "absence-cover.end", "absence-cover"));
        response.status(Status.NO_CONTENT_204).send();
    }
}
