package nl.familyliaison.messages;

import static nl.familyliaison.platform.PathIds.caseId;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.messages.MessageViews.AttachmentView;
import nl.familyliaison.messages.MessageViews.MessageView;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Messages over HTTP: threads, messages, read marks, attachments. Maps requests and answers only. Every route goes
 * through {@link CaseAccess#require} first (an unknown or foreign case answers 404 and is audited), then asks
 * {@link Threads} whether the person takes part in the thread; every POST honours {@code Idempotency-Key}.
 */
public final class MessageService {

    static final String POST_LIMIT = "message-post-account";
    static final String UPLOAD_LIMIT = "upload-account";
    static final HeaderName FILE_NAME = HeaderNames.create("X-File-Name");

    private final Threads threads;
    private final ThreadPages pages;
    private final Attachments attachments;
    private final CaseAccess access;
    private final Idempotency idempotency;
    private final RateLimiter limiter;
    private final Writes writes;
    private final Guards guards;

    MessageService(Threads threads, ThreadPages pages, Attachments attachments, Writes writes, CaseAccess access,
                   Idempotency idempotency, RateLimiter limiter, Guards guards) {
        this.threads = threads;
        this.pages = pages;
        this.attachments = attachments;
        this.access = access;
        this.idempotency = idempotency;
        this.limiter = limiter;
        this.writes = writes;
        this.guards = guards;
        // A misspelt policy stops the start instead of failing the first post.
        limiter.policy(POST_LIMIT);
        limiter.policy(UPLOAD_LIMIT);
    }

    public void routes(ApiRoutes routes) {
        routes.post("/api/cases/{caseId}/threads", guards.signedIn(), this::start)
                .get("/api/cases/{caseId}/threads", guards.signedIn(), this::list)
                .get("/api/cases/{caseId}/threads/{threadId}/messages", guards.signedIn(), this::page)
                .post("/api/cases/{caseId}/threads/{threadId}/messages", guards.signedIn(), this::post)
                .post("/api/cases/{caseId}/threads/{threadId}/read", guards.signedIn(), this::markRead)
                .post("/api/cases/{caseId}/attachments", guards.signedIn(), this::upload)
                .get("/api/cases/{caseId}/attachments/{attachmentId}", guards.signedIn(), this::download);
    }

    record NewThread(String text, List<String> memberIds, List<String> attachmentIds) {
    }

    record NewMessage(String text, List<String> attachmentIds) {
    }

    private void start(ServerRequest request, ServerResponse response) {
        String action = "case.thread.start";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.POST_MESSAGE,
                                             action);
        NewThread body = Json.read(request, NewThread.class);
        MessageText text = MessageText.of(body.text());
        write(request, response, context, action, "message-thread", fingerprint(body), Status.CREATED_201,
              (audited, claim) -> writes.start(context, text, body.memberIds(), body.attachmentIds(), audited, claim),
              started -> started.thread().id());
    }

    private void list(ServerRequest request, ServerResponse response) {
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_MESSAGES,
                                             "case.threads.list");
        response.send(threads.list(context));
    }

    private void page(ServerRequest request, ServerResponse response) {
        String action = "case.messages.read";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_MESSAGES,
                                             action);
        MessageThread thread = readable(request, context, action);
        Cursor cursor = Cursor.decode(request.query().first("cursor").asOptional().orElse(null));
        MessageViews.MessagePage page = pages.page(context, thread, cursor, limit(request));
        access.recorded(context, action, "message-thread", thread.id(), true);
        response.send(page);
    }

    private void post(ServerRequest request, ServerResponse response) {
        String action = "case.message.post";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.POST_MESSAGE,
                                             action);
        MessageThread thread = readable(request, context, action);
        NewMessage body = Json.read(request, NewMessage.class);
        MessageText text = MessageText.of(body.text());
        write(request, response, context, action, "message", fingerprint(body), Status.CREATED_201,
              (audited, claim) -> writes.post(context, thread, text, body.attachmentIds(), audited, claim),
              MessageView::id);
    }

    private void markRead(ServerRequest request, ServerResponse response) {
        String action = "case.thread.mark-read";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_MESSAGES,
                                             action);
        MessageThread thread = readable(request, context, action);
        write(request, response, context, action, "message-thread", "", Status.NO_CONTENT_204,
              (audited, claim) -> writes.markRead(context, thread, audited, claim), MessageThread::id);
    }

    private void upload(ServerRequest request, ServerResponse response) {
        String action = "case.attachment.upload";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.POST_MESSAGE,
                                             action);
        limiter.consume(UPLOAD_LIMIT, context.actor().accountId());
        Upload upload = attachments.read(request.content().inputStream(),
                                         request.headers().contentLength().orElse(-1L));
        String name = request.headers().first(FILE_NAME).orElse(null);
        String fingerprint = name + "\n" + Idempotency.digestOf(upload.content());
        write(request, response, context, action, "attachment", fingerprint, Status.CREATED_201,
              (audited, claim) -> writes.upload(context, upload, name, audited, claim), AttachmentView::id);
    }

    private void download(ServerRequest request, ServerResponse response) {
        String action = "case.attachment.download";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_MESSAGES,
                                             action);
        String id = request.path().pathParameters().get("attachmentId");
        StoredAttachment attachment = attachments
                .downloadable(context.caseId(), id, found -> threads.maySee(context, found))
                .orElseThrow(() -> refused(request, context, action, "attachment", id));
        byte[] content = attachments.content(attachment);
        access.recorded(context, action, "attachment", attachment.id(), true);
        response.headers().contentType(HttpMediaType.create(attachment.type().mediaType()));
        response.header(HeaderNames.CONTENT_DISPOSITION, FileName.contentDisposition(attachments.name(attachment)));
        // Set here as well as by the service-wide headers: a file must never be sniffed into HTML, nor kept.
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(content);
    }

    /** A thread with every message of it, newest first, as its reader sees them page by page. */
    public record ThreadWithMessages(MessageViews.ThreadView thread, List<MessageView> messages) {
    }

    /** Every thread the person of {@code context} takes part in, with all its messages (the export). */
    public List<ThreadWithMessages> everything(CaseContext context) {
        List<ThreadWithMessages> all = new java.util.ArrayList<>();
        for (MessageViews.ThreadView view : threads.list(context).threads()) {
            MessageThread thread = threads.readable(context, view.id()).orElseThrow();
            List<MessageView> messages = new java.util.ArrayList<>();
            Cursor cursor = Cursor.decode(null);
            while (true) {
                MessageViews.MessagePage page = pages.page(context, thread, cursor, ThreadPages.MAX_LIMIT);
                messages.addAll(page.messages());
                if (page.nextCursor() == null) {
                    break;
                }
                cursor = Cursor.decode(page.nextCursor());
            }
            all.add(new ThreadWithMessages(view, List.copyOf(messages)));
        }
        return all;
    }

    /** A file the person of {@code context} may download, opened (the export). */
    public java.util.Optional<MessageContent.File> file(CaseContext context, String attachmentId) {
        return attachments.downloadable(context.caseId(), attachmentId, found -> threads.maySee(context, found))
                .map(found -> new MessageContent.File(found.id(), attachments.name(found), found.type().mediaType(),
                                                      found.size(), attachments.content(found)));
    }

    /**
     * After the transaction: wake the mail worker, send the answer. The write's event went in with the write; a retry
     * given the stored answer wrote nothing, and is recorded on its own.
     */
    /**
     * A write once per {@code Idempotency-Key}: {@code write} makes it in the transaction {@link Writes} opens, with
     * its audit event and the key's claim, which keeps the write's result there as the answer for a retry.
     */
    private <T> void write(ServerRequest request, ServerResponse response, CaseContext context, String action,
                           String objectType, String fingerprint, Status status,
                           BiFunction<WriteEvent, Idempotency.Claim, T> write, Function<T, String> idOf) {
        AtomicReference<T> made = new AtomicReference<>();
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), fingerprint, status, claim -> {
                    made.set(write.apply(access.write(context, action, objectType), claim));
                    return idOf.apply(made.get());
                }, id -> made.get());
        access.replayed(context, action, objectType, answer);
        answer.send(response);
    }

    private MessageThread readable(ServerRequest request, CaseContext context, String action) {
        String threadId = request.path().pathParameters().get("threadId");
        return threads.readable(context, threadId)
                .orElseThrow(() -> refused(request, context, action, "message-thread", threadId));
    }

    /** A thread or file of the case that is not there or not for this person: audited, and answered as absent. */
    private ProblemException refused(ServerRequest request, CaseContext context, String action, String objectType,
                                     String id) {
        access.recorded(context, action, objectType, Ids.isId(id) ? id : null, false);
        return ProblemException.notFound();
    }

    private static int limit(ServerRequest request) {
        String sent = request.query().first("limit").asOptional().orElse(null);
        if (sent == null) {
            return ThreadPages.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(sent);
            if (limit >= 1 && limit <= ThreadPages.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below like any other limit out of range.
        }
        throw ProblemException.invalid("limit", "Choose a limit from 1 to " + ThreadPages.MAX_LIMIT + ".");
    }

    private static String fingerprint(Object body) {
        return new String(Json.write(body), StandardCharsets.UTF_8);
    }
}
