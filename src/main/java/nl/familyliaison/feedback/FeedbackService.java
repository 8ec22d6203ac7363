package nl.familyliaison.feedback;

import java.time.Instant;

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
import nl.familyliaison.platform.ProblemException;

/**
 * Feedback or a complaint from a member about the service or the family liaison. It must not land with the family
 * inspector it may be about: it goes to a configured address (the Inspectorate's complaints desk). The text is
 * stored encrypted; the mail carries only its reference, like every mail of the service.
 */
public record FeedbackService(FeedbackDesk desk, FeedbackHandling handling, Guards guards, AccessAudit audit,
                              Idempotency idempotency) {

    static final int MAX_TEXT = 5_000;

    public void routes(ApiRoutes routes) {
        routes.post("/api/feedback", guards.roles(Role.MEMBER), this::send)
                .get("/api/feedback", guards.roles(Role.ADMIN), this::list)
                .patch("/api/feedback/{feedbackId}", guards.roles(Role.ADMIN), this::handle);
    }

    enum Kind { FEEDBACK, COMPLAINT }

    enum About { SERVICE, FAMILY_LIAISON }

    record NewFeedback(Kind kind, About about, String text) {
    }

    record Received(String reference, Instant receivedAt) {
    }

    record FeedbackView(String id, String reference, Kind kind, About about, String text, Instant receivedAt,
                        FeedbackHandling.Status status, Instant statusChangedAt) {
    }

    record Handling(FeedbackHandling.Status status) {
    }

    record FeedbackList(java.util.List<FeedbackView> feedback) {
    }

    /** The complaints desk reads here what the mail only announced (newest first, the last 200). */
    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        java.util.List<FeedbackView> found = desk.recent().stream().map(FeedbackService::view).toList();
        audit.record(actor.caller(), actor.account(), "feedback.list", "feedback", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new FeedbackList(found));
    }

    /** The desk moves feedback on: received, in progress, answered. */
    private void handle(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        Handling body = Json.read(request, Handling.class);
        String id = request.path().pathParameters().get("feedbackId");
        FeedbackRepository.Stored changed = handling.change(id, body.status(), actor.accountId(),
                                                            audit.written(actor.caller(), actor.account(),
                                                                          "feedback.status", "feedback"));
        response.send(view(desk.opened(changed)));
    }

    private static FeedbackView view(FeedbackDesk.Received received) {
        return new FeedbackView(received.id(), FeedbackDesk.reference(received.id()), Kind.valueOf(received.kind()),
                                About.valueOf(received.about()), received.text(), received.receivedAt(),
                                FeedbackHandling.Status.valueOf(received.status()), received.statusChangedAt());
    }

    private void send(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        NewFeedback body = Json.read(request, NewFeedback.class);
        if (body.kind() == null) {
            throw ProblemException.invalid("kind", "Choose feedback or complaint.");
        }
        if (body.about() == null) {
            throw ProblemException.invalid("about", "Choose what it is about.");
        }
        String text = body.text() == null ? "" : body.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw ProblemException.invalid("text", "Write at most " + MAX_TEXT + " characters.");
        }
        Instant now = desk.now();
        AccessAudit.Written written = audit.written(actor.caller(), actor.account(), "feedback.send", "feedback");
        Idempotency.Answer answer = idempotency.create(
                request, actor.accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> desk.store(actor.accountId(), body.kind().name(), body.about().name(), text, now,
                                   written.with(claim)),
                id -> new Received(FeedbackDesk.reference(id), now));
        if (answer.replayed()) {
            audit.record(actor.caller(), actor.account(), "feedback.send", "feedback", answer.objectId(),
                         AccessAudit.Result.SUCCEEDED);
        }
        answer.send(response);
    }
}
