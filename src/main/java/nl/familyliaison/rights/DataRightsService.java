package nl.familyliaison.rights;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
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
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Texts;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * A member's data rights over HTTP: download everything of theirs in one zip, ask to be removed; the family
 * inspector sees open requests of their cases' members and confirms them.
 */
public final class DataRightsService {

    static final String EXPORT_LIMIT = "export-account";

    private final Exporter exporter;
    private final ExportRuns runs;
    private final RateLimiter limiter;
    private final Removal removal;
    private final Guards guards;
    private final AccessAudit audit;
    private final Idempotency idempotency;

    DataRightsService(Exporter exporter, ExportRuns runs, RateLimiter limiter, Removal removal, Guards guards,
                             AccessAudit audit, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.exporter = exporter;
        this.runs = runs;
        this.limiter = limiter;
        this.removal = removal;
        this.guards = guards;
        this.audit = audit;
        limiter.policy(EXPORT_LIMIT);
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

    /**
     * Streams the zip: one export per member at a time (429 while one runs), a limited number per hour, and the
     * lease given back however the download ends, also when the connection breaks halfway.
     */
    private void export(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        try (ExportRuns.Run run = runs.start(actor.accountId())) {
            limiter.consume(EXPORT_LIMIT, actor.accountId());
            // One language for the whole archive: the person's own, as its labels and the phases' titles.
            Texts texts = Texts.of(request, actor.account().language());
            Exporter.Gathered gathered = exporter.gather(actor, texts.language());
            response.headers().contentType(HttpMediaType.create("application/zip"));
            response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"family-liaison-export.zip\"");
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
            AccessAudit.Result result = AccessAudit.Result.FAILED;
            try (OutputStream out = response.outputStream()) {
                ExportArchive.write(out, gathered, texts, run::keepAlive);
                result = AccessAudit.Result.SUCCEEDED;
            } catch (IOException broken) {
                throw new UncheckedIOException(broken);
            } finally {
                audit.record(actor.caller(), actor.account(), "account.export", "account", actor.accountId(), result);
            }
        }
    }

    private void request(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        AtomicReference<RemovalRepository.Request> made = new AtomicReference<>();
        Idempotency.Answer answer = idempotency.create(request, actor.accountId(), "", Status.ACCEPTED_202, claim -> {
            made.set(removal.request(actor.account(), audit.written(actor.caller(), actor.account(),
                                                                    "account.removal.request", "removal-request")
                    .with(claim)));
            return made.get().id();
        }, id -> view(made.get(), false));
        if (answer.replayed()) {
            audit.record(actor.caller(), actor.account(), "account.removal.request", "removal-request",
                         answer.objectId(), AccessAudit.Result.SUCCEEDED);
        }
        answer.send(response);
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        boolean member = actor.role() == Role.MEMBER;
        List<RemovalRepository.Request> found = member ? removal.openOf(actor.accountId())
                                                       : removal.openForInspector(actor.accountId());
        audit.record(actor.caller(), actor.account(), "account.removal.list", "removal-request", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new RequestList(found.stream().map(open -> view(open, !member)).toList()));
    }

    private void confirm(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        String requestId = request.path().pathParameters().get("requestId");
        if (!Ids.isId(requestId)) {
            throw ProblemException.notFound();
        }
        String removed = removal.confirm(requestId, actor.accountId(),
                                         audit.written(actor.caller(), actor.account(), "account.removal.confirm",
                                                       "account"));
        response.send(new Removed(removed));
    }

    private static RequestView view(RemovalRepository.Request request, boolean withName) {
        return new RequestView(request.id(), request.accountId(), withName ? request.name() : null,
                               request.requestedAt());
    }
}
