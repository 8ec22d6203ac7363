package nl.familyliaison.feedback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;

/**
 * Feedback or a complaint from a member about the service or the family liaison. It must not land with the family
 * inspector it may be about: it goes to a configured address (the Inspectorate's complaints desk). The text is
 * stored encrypted; the mail carries only its reference, like every mail of the service.
 */
public final class FeedbackService {

    static final int MAX_TEXT = 5_000;

    private final FeedbackRepository feedback;
    private final Outbox outbox;
    private final KeyRing keys;
    private final Transactions transactions;
    private final Guards guards;
    private final AccessAudit audit;
    private final Clock clock;
    private final String address;
    private final Idempotency idempotency;
    private final FeedbackHandling handling;

    /** The service with its desk address from {@code feedback.address}. */
    public static FeedbackService create(io.helidon.config.Config config, FeedbackRepository feedback, Outbox outbox,
                                         KeyRing keys, Transactions transactions, Guards guards, AccessAudit audit,
                                         Clock clock, Idempotency idempotency) {
        return new FeedbackService(feedback, outbox, keys, transactions, guards, audit, clock,
                                   config.get("feedback.address").asString().orElse("klachten@family-liaison.invalid"),
                                   idempotency);
    }

    /** @param address where feedback goes (feedback.address); never a family inspector's own inbox */
    public FeedbackService(FeedbackRepository feedback, Outbox outbox, KeyRing keys, Transactions transactions, Guards guards,
                           AccessAudit audit, Clock clock, String address, Idempotency idempotency) {
        this.idempotency = idempotency;
        if (address == null || !nl.familyliaison.access.EmailAddress.isPlausible(address)) {
            throw new IllegalStateException("feedback.address must be an email address");
        }
        this.feedback = feedback;
        this.outbox = outbox;
        this.keys = keys;
        this.transactions = transactions;
        this.guards = guards;
        this.audit = audit;
        this.clock = clock;
        this.address = address;
        this.handling = new FeedbackHandling(feedback, transactions, clock);
    }

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
        Actor actor = Actor.of(request).orElseThrow();
        java.util.List<FeedbackView> found = feedback.recent().stream().map(this::view).toList();
        audit.record(request, actor.account(), "feedback.list", "feedback", null, AccessAudit.Result.SUCCEEDED);
        response.send(new FeedbackList(found));
    }

    /** The desk moves feedback on: received, in progress, answered. */
    private void handle(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
        Handling body = Json.read(request, Handling.class);
        String id = request.path().pathParameters().get("feedbackId");
        response.send(view(handling.change(id, body.status(), actor.accountId(),
                                           audit.written(request, actor.account(), "feedback.status", "feedback"))));
    }

    private FeedbackView view(FeedbackRepository.Stored stored) {
        return new FeedbackView(stored.id(), reference(stored.id()), Kind.valueOf(stored.kind()),
                                About.valueOf(stored.about()),
                                new String(keys.open(stored.text(), context(stored.id())), StandardCharsets.UTF_8),
                                stored.createdAt(), FeedbackHandling.Status.valueOf(stored.status()),
                                stored.statusChangedAt());
    }

    private void send(ServerRequest request, ServerResponse response) {
        Actor actor = Actor.of(request).orElseThrow();
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
        Instant now = clock.instant();
        AccessAudit.Written written = audit.written(request, actor.account(), "feedback.send", "feedback");
        Idempotency.Answer answer = idempotency.create(
                request, actor.accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> store(actor, body, text, now, written.with(claim)), id -> new Received(reference(id), now));
        if (answer.replayed()) {
            audit.record(request, actor.account(), "feedback.send", "feedback", answer.objectId(),
                         AccessAudit.Result.SUCCEEDED);
        }
        answer.send(response);
    }

    private String store(Actor actor, NewFeedback body, String text, Instant now, AccessAudit.Written audited) {
        String id = Ids.newId();
        KeyRing.Sealed sealed = keys.seal(text.getBytes(StandardCharsets.UTF_8), context(id));
        transactions.inTransaction(tx -> {
            feedback.insert(tx, id, actor.accountId(), body.kind().name(), body.about().name(), sealed, now);
            outbox.enqueue(tx, new Mail("feedback:" + id, null, address, MailTemplate.FEEDBACK_RECEIVED, Language.NL,
                                        Map.of("reference", reference(id)), Mail.Priority.NORMAL));
            audited.append(tx, id);
            return null;
        });
        outbox.afterCommit();
        return id;
    }

    private static String context(String id) {
        return "feedback.text:" + id;
    }

    /** A short reference the desk and the member can both quote. */
    static String reference(String id) {
        return "FB-" + id.replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }
}
