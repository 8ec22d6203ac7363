package nl.familyliaison.briefings;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.appointments.AppointmentContent;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.Member;
import nl.familyliaison.cases.MemberFiles;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.cases.PhaseRepository;
import nl.familyliaison.messages.FileName;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/** Briefings over HTTP: the family inspector shares and publishes; chosen members open, ask for a meeting, remark. */
public final class BriefingService {

    private final Briefings briefings;
    private final MemberRepository members;
    private final AppointmentContent appointments;
    private final CaseAccess access;
    private final PhaseRepository phases;
    private final Guards guards;
    private final java.time.Clock clock;
    private final Idempotency idempotency;

    BriefingService(Briefings briefings, MemberRepository members, AppointmentContent appointments,
                    CaseAccess access, PhaseRepository phases, Guards guards, java.time.Clock clock,
                    Idempotency idempotency) {
        this.idempotency = idempotency;
        this.briefings = briefings;
        this.members = members;
        this.appointments = appointments;
        this.access = access;
        this.phases = phases;
        this.guards = guards;
        this.clock = clock;
    }

    public void routes(ApiRoutes routes) {
        String one = "/api/cases/{caseId}/briefings/{briefingId}";
        routes.post("/api/cases/{caseId}/briefings", guards.roles(Role.FAMILY_INSPECTOR), this::share)
                .get("/api/cases/{caseId}/briefings", guards.roles(Role.FAMILY_INSPECTOR, Role.MEMBER), this::list)
                .get(one, guards.roles(Role.FAMILY_INSPECTOR, Role.MEMBER), this::get)
                .post(one + "/opening", guards.roles(Role.MEMBER), this::open)
                .get(one + "/document", guards.roles(Role.FAMILY_INSPECTOR, Role.MEMBER), this::document)
                .post(one + "/meeting-request", guards.roles(Role.MEMBER), this::requestMeeting)
                .put(one + "/meetings/{memberId}", guards.roles(Role.FAMILY_INSPECTOR), this::linkMeeting)
                .post(one + "/remarks", guards.roles(Role.MEMBER), this::remark)
                .post(one + "/publication", guards.roles(Role.FAMILY_INSPECTOR), this::publish);
    }

    record NewBriefing(String attachmentId, List<String> memberIds, LocalDate publicationDate, Instant remarksUntil,
                       String note) {
    }

    record NewRemark(String text) {
    }

    record MeetingLink(String proposalId) {
    }

    record Publication(String publicUrl, String text) {
    }

    record DocumentView(String name, String type, long size) {
    }

    record RecipientView(String memberId, String name, Instant openedAt, Instant meetingRequestedAt,
                         String meetingProposalId) {
    }

    record RemarkView(String id, String memberId, String name, String text, Instant postedAt) {
    }

    /**
     * One briefing as the caller may see it. {@code mayBeDistressing} asks the client to warn before opening;
     * {@code openedAt} and {@code meetingRequestedAt} are the member's own; {@code recipients} only for staff;
     * {@code remarks}: all for staff, their own for a member.
     */
    public record BriefingView(String id, LocalDate publicationDate, Instant remarksUntil, boolean remarksOpen,
                        boolean embargoed, String publicUrl, Instant publishedAt, String note, DocumentView document,
                        boolean mayBeDistressing, Instant openedAt, Instant meetingRequestedAt,
                        List<RecipientView> recipients, List<RemarkView> remarks) {
    }

    record BriefingList(List<BriefingView> briefings) {
    }

    private void share(ServerRequest request, ServerResponse response) {
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.BRIEF,
                                             "case.briefing.share");
        NewBriefing body = Json.read(request, NewBriefing.class);
        Briefings.Share share = new Briefings.Share(body.attachmentId(), body.memberIds(), body.publicationDate(),
                                                    body.remarksUntil(), body.note());
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> briefings.share(context.caseId(), context.actor().accountId(), share,
                                         access.write(context, "case.briefing.share", "briefing").with(claim)),
                id -> view(context, find(context, id, "case.briefing.read")));
        access.replayed(context, "case.briefing.share", "briefing", answer);
        answer.send(response);
    }

    private void list(ServerRequest request, ServerResponse response) {
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_BRIEFING,
                                             "case.briefings.list");
        response.send(new BriefingList(visible(context).stream().map(briefing -> view(context, briefing)).toList()));
    }

    private void get(ServerRequest request, ServerResponse response) {
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_BRIEFING,
                                             "case.briefing.read");
        Briefing briefing = find(context, briefingId(request), "case.briefing.read");
        access.recorded(context, "case.briefing.read", "briefing", briefing.id(), true);
        response.send(view(context, briefing));
    }

    private void open(ServerRequest request, ServerResponse response) {
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_BRIEFING,
                                             "case.briefing.open");
        Briefing briefing = find(context, briefingId(request), "case.briefing.open");
        briefings.open(briefing, memberId(context, briefing), access.write(context, "case.briefing.open", "briefing"));
        response.send(view(context, find(context, briefing.id(), "case.briefing.open")));
    }

    private void document(ServerRequest request, ServerResponse response) {
        String action = "case.briefing.document";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_BRIEFING,
                                             action);
        Briefing briefing = find(context, briefingId(request), action);
        if (context.actor().role() == Role.MEMBER && !briefings.openedBy(briefing, memberId(context, briefing))) {
            throw new ProblemException(ProblemType.CONFLICT, "Read the warning first and choose to open the report "
                                                             + "(or ask to have it explained in a meeting).");
        }
        MessageContent.File file = briefings.file(briefing).orElseThrow(ProblemException::notFound);
        access.recorded(context, action, "briefing", briefing.id(), true);
        response.headers().contentType(HttpMediaType.create(file.mediaType()));
        response.header(HeaderNames.CONTENT_DISPOSITION, FileName.contentDisposition(file.name()));
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(file.content());
    }

    private void requestMeeting(ServerRequest request, ServerResponse response) {
        String action = "case.briefing.meeting-request";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_BRIEFING,
                                             action);
        Briefing briefing = find(context, briefingId(request), action);
        briefings.requestMeeting(briefing, memberId(context, briefing), access.write(context, action, "briefing"));
        response.send(view(context, find(context, briefing.id(), action)));
    }

    private void linkMeeting(ServerRequest request, ServerResponse response) {
        String action = "case.briefing.meeting-link";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.BRIEF, action);
        Briefing briefing = find(context, briefingId(request), action);
        String memberId = request.path().pathParameters().get("memberId");
        if (!Ids.isId(memberId) || briefing.recipient(memberId).isEmpty()) {
            throw ProblemException.notFound();
        }
        MeetingLink body = Json.read(request, MeetingLink.class);
        briefings.linkMeeting(briefing, memberId, body.proposalId(), Ids.isId(body.proposalId())
                && appointments.invites(context.caseId(), body.proposalId(), memberId),
                               access.write(context, action, "briefing"));
        response.send(view(context, find(context, briefing.id(), action)));
    }

    private void remark(ServerRequest request, ServerResponse response) {
        String action = "case.briefing.remark";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_BRIEFING,
                                             action);
        Briefing briefing = find(context, briefingId(request), action);
        NewRemark body = Json.read(request, NewRemark.class);
        AtomicReference<Briefing.Remark> made = new AtomicReference<>();
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201, claim -> {
                    made.set(briefings.remark(briefing, memberId(context, briefing), body.text(),
                                              access.write(context, action, "briefing").with(claim)));
                    return briefing.id();
                }, id -> new RemarkView(made.get().id(), made.get().memberId(), context.actor().account().displayName(),
                                        made.get().text(), made.get().postedAt()));
        access.replayed(context, action, "briefing", answer);
        answer.send(response);
    }

    private void publish(ServerRequest request, ServerResponse response) {
        String action = "case.briefing.publish";
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.BRIEF, action);
        Briefing briefing = find(context, briefingId(request), action);
        Publication body = Json.read(request, Publication.class);
        briefings.publish(briefing, context.actor().accountId(), body.publicUrl(), body.text(), phases.codes(),
                          access.write(context, action, "briefing"));
        response.send(view(context, find(context, briefing.id(), action)));
    }

    /** The briefings the caller may see: all for the family inspector, the ones they were chosen for for a member. */
    List<Briefing> visible(CaseContext context) {
        return briefings.ofCase(context.caseId()).stream()
                .filter(briefing -> access.maySee(context, briefing.item()))
                .toList();
    }

    /** The object types of the audit trail this feature holds, for a member's file. */
    public Map<String, MemberFiles.ItemLookup> fileItems() {
        return Map.of("briefing", (caseId, id) -> briefings.ofCase(caseId).stream()
                .filter(briefing -> briefing.id().equals(id)).findFirst().map(Briefing::item));
    }

    /** The briefings as the person of {@code context} sees them (the export). */
    public List<BriefingView> viewsOf(CaseContext context) {
        return visible(context).stream().map(briefing -> view(context, briefing)).toList();
    }

    /**
     * The files of the briefings a member chose to open (the export: the same files the document route gives),
     * described only; {@link #openedFile} opens each in turn, so an export never holds them all at once.
     */
    public List<MessageContent.File> openedFiles(CaseContext context) {
        return opened(context).flatMap(briefing -> briefings.describe(briefing).stream()).toList();
    }

    /** One of {@link #openedFiles}, with its content. */
    public Optional<MessageContent.File> openedFile(CaseContext context, String attachmentId) {
        return opened(context).filter(briefing -> briefing.attachmentId().equals(attachmentId)).findFirst()
                .flatMap(briefings::file);
    }

    private Stream<Briefing> opened(CaseContext context) {
        return visible(context).stream()
                .filter(briefing -> context.actor().role() != Role.MEMBER
                                    || briefings.openedBy(briefing, memberId(context, briefing)));
    }

    /** One briefing as the caller sees it. */
    BriefingView view(CaseContext context, Briefing briefing) {
        boolean member = context.actor().role() == Role.MEMBER;
        Map<String, String> names = members.ofCase(context.caseId()).stream()
                .collect(Collectors.toMap(Member::id, Member::displayName));
        Function<String, String> name = id -> names.getOrDefault(id, "");
        String self = member ? memberId(context, briefing) : null;
        Briefing.Recipient own = member ? briefing.recipient(self).orElseThrow() : null;
        DocumentView document = briefings.describe(briefing)
                .map(file -> new DocumentView(file.name(), file.mediaType(), file.size())).orElse(null);
        return new BriefingView(
                briefing.id(), briefing.publicationDate(), briefing.remarksUntil(),
                briefing.remarksOpenAt(clock.instant()), briefing.embargoed(), briefing.publicUrl(),
                briefing.publishedAt(), briefing.note(), document, true,
                own == null ? null : own.openedAt(), own == null ? null : own.meetingRequestedAt(),
                member ? null : briefing.recipients().stream()
                        .map(r -> new RecipientView(r.memberId(), name.apply(r.memberId()), r.openedAt(),
                                                    r.meetingRequestedAt(), r.meetingProposalId()))
                        .toList(),
                briefing.remarks().stream().filter(remark -> !member || remark.memberId().equals(self))
                        .map(remark -> new RemarkView(remark.id(), remark.memberId(), name.apply(remark.memberId()),
                                                      remark.text(), remark.postedAt()))
                        .toList());
    }

    private Briefing find(CaseContext context, String id, String action) {
        return visible(context).stream().filter(briefing -> briefing.id().equals(id)).findFirst()
                .orElseThrow(() -> {
                    access.recorded(context, action, "briefing", Ids.isId(id) ? id : null, false);
                    return ProblemException.notFound();
                });
    }

    private static String memberId(CaseContext context, Briefing briefing) { return briefing.readAs(context.role()); }

    private static String briefingId(ServerRequest request) {
        return request.path().pathParameters().get("briefingId");
    }
}
