package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;

/**
 * The timeline over HTTP: where the investigation stands, what happens next, the updates a person may see (with
 * their corrections), posting and correcting (family inspector), marking read (members).
 */
public record TimelineService(Timeline timeline, CaseRepository cases, CaseAccess access, PhaseRepository phases,
                              Clock clock, Guards guards, Idempotency idempotency) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/cases/{caseId}/timeline", guards.signedIn(), this::show)
                .post("/api/cases/{caseId}/updates", guards.roles(Role.FAMILY_INSPECTOR), this::post)
                .get("/api/cases/{caseId}/updates/{updateId}", guards.signedIn(), this::one)
                .post("/api/cases/{caseId}/updates/{updateId}/corrections", guards.roles(Role.FAMILY_INSPECTOR),
                      this::correct)
                .post("/api/cases/{caseId}/updates/{updateId}/withdrawal", guards.roles(Role.FAMILY_INSPECTOR),
                      this::withdraw)
                .post("/api/cases/{caseId}/updates/{updateId}/read", guards.roles(Role.MEMBER), this::read);
    }

    record NewUpdate(String text, String phase, List<String> visibleTo) {
    }

    record Correction(String text) {
    }

    record CorrectionView(String id, String text, Instant postedAt, String author) {
    }

    /** {@code reshareWith}: membership ids to share it with again at once; absent to withdraw only. */
    record Withdrawal(List<String> reshareWith) {
    }

    /**
     * {@code readBy} by membership id; the withdrawal fields (for the family inspector, who alone still sees a
     * withdrawn update) and {@code resharedFrom} only for staff.
     */
    record EntryView(String id, String phase, String phaseTitle, String text, Instant postedAt, String author,
                     boolean forAllMembers, List<String> visibleTo, List<CorrectionView> corrections,
                     Boolean read, Map<String, Instant> readBy, Instant withdrawnAt, String withdrawnBy,
                     String resharedFrom, String resharedAs) {
    }

    record Withdrawn(EntryView withdrawn, EntryView reshared) {
    }

    record TimelineView(CaseView investigation, Phase currentPhase, Phase nextPhase, LocalDate nextUpdateBy,
                        boolean updateOverdue, List<EntryView> entries) {
    }

    private void show(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.READ_TIMELINE, "case.timeline.read");
        response.send(timelineOf(context, Language.of(request)));
    }

    /** The timeline as the person of {@code context} sees it (the route's answer; the export's too). */
    public Object timelineOf(CaseAccess.CaseContext context, Language language) {
        Investigation investigation = context.investigation();
        List<Phase> all = phases.all(language);
        Phase current = all.stream().filter(phase -> phase.code().equals(investigation.phase())).findFirst()
                .orElseThrow();
        Phase next = all.stream().filter(phase -> phase.position() == current.position() + 1).findFirst()
                .orElse(null);
        List<EntryView> entries = new ArrayList<>();
        List<Timeline.Entry> visible = visible(context);
        for (Timeline.Entry entry : visible) {
            entries.add(view(entry, context, all, visible));
        }
        return new TimelineView(CaseView.of(investigation, current.title(), Cases.today(clock)), current, next,
                                investigation.nextUpdateBy(), investigation.isUpdateOverdueOn(Cases.today(clock)),
                                entries);
    }

    private void post(ServerRequest request, ServerResponse response) {
        // On no update yet: the write's own event names the new one, for the members it is for.
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.POST_UPDATE, "case.update.post", "update", null);
        NewUpdate body = Json.read(request, NewUpdate.class);
        Investigation investigation = cases.byId(context.caseId()).orElseThrow();
        Set<String> visibleTo = body.visibleTo() == null ? null : Set.copyOf(body.visibleTo());
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> timeline.post(investigation, context.actor().accountId(), body.text(), body.phase(),
                                       visibleTo, phases.codes(), Cases.today(clock),
                                       access.write(context, "case.update.post", "update").with(claim)),
                id -> entry(request, context, id));
        access.replayed(context, "case.update.post", "update", answer);
        answer.send(response);
    }

    private void one(ServerRequest request, ServerResponse response) {
        Reached reached = reach(request, CaseAction.READ_TIMELINE, "case.update.read");
        response.send(entry(request, reached.context(), reached.entry().update().id()));
    }

    private void correct(ServerRequest request, ServerResponse response) {
        Reached reached = reach(request, CaseAction.POST_UPDATE, "case.update.correct");
        CaseAccess.CaseContext context = reached.context();
        Timeline.Entry entry = reached.entry();
        Correction body = Json.read(request, Correction.class);
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> timeline.correct(context.caseId(), entry.update(), context.actor().accountId(), body.text(),
                                          access.write(context, "case.update.correct", "update")
                                                  .with(claim)),
                id -> entry(request, context, entry.update().id()));
        access.replayed(context, "case.update.correct", "update", answer);
        answer.send(response);
    }

    private void withdraw(ServerRequest request, ServerResponse response) {
        Reached reached = reach(request, CaseAction.POST_UPDATE, "case.update.withdraw");
        CaseAccess.CaseContext context = reached.context();
        Timeline.Entry entry = reached.entry();
        Withdrawal body = Json.read(request, Withdrawal.class);
        if (body.reshareWith() != null && body.reshareWith().contains(null)) {
            throw ProblemException.invalid("reshareWith", "Choose members of this case.");
        }
        Set<String> reshareWith = body.reshareWith() == null ? null : Set.copyOf(body.reshareWith());
        String[] copy = new String[1];
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.OK_200,
                claim -> {
                    copy[0] = timeline.withdraw(context.caseId(), entry, context.actor().accountId(), reshareWith,
                                                access.write(context, "case.update.withdraw", "update")
                                                        .with(claim),
                                                access.write(context, "case.update.reshare", "update"));
                    return entry.update().id();
                },
                id -> new Withdrawn(entry(request, context, id),
                                    copy[0] == null ? null : entry(request, context, copy[0])));
        access.replayed(context, "case.update.withdraw", "update", answer);
        answer.send(response);
    }

    private void read(ServerRequest request, ServerResponse response) {
        Reached reached = reach(request, CaseAction.READ_TIMELINE, "case.update.mark-read");
        timeline.markRead(reached.entry(), reached.context().actor().accountId());
        response.status(Status.NO_CONTENT_204).send();
    }

    /** The update a route names, with the case reached for {@code action}; refusals are audited 404s. */
    private record Reached(CaseAccess.CaseContext context, Timeline.Entry entry) {
    }

    /** Recorded on the update, so a member's access log shows it only to members the update is for. */
    private Reached reach(ServerRequest request, CaseAction action, String event) {
        String updateId = request.path().pathParameters().get("updateId");
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request), action, event,
                                                        "update", Ids.isId(updateId) ? updateId : null);
        return new Reached(context, find(context, updateId, request));
    }

    private EntryView entry(ServerRequest request, CaseAccess.CaseContext context, String updateId) {
        Timeline.Entry entry = find(context, updateId, request);
        access.recorded(context, "case.update.read", "update", entry.update().id(), true);
        return view(entry, context, phases.all(Language.of(request)), visible(context));
    }

    private Timeline.Entry find(CaseAccess.CaseContext context, String updateId, ServerRequest request) {
        Optional<Timeline.Entry> entry = Ids.isId(updateId)
                ? visible(context).stream().filter(found -> found.update().id().equals(updateId)).findFirst()
                : Optional.empty();
        if (entry.isEmpty()) {
            access.recorded(context, "case.update.read", "update", Ids.isId(updateId) ? updateId : null,
                            false);
            throw ProblemException.notFound();
        }
        return entry.get();
    }

    /**
     * A withdrawn update stays in the history of the family inspector (or their substitute of today) only: no member,
     * no investigator sees it.
     */
    private List<Timeline.Entry> visible(CaseAccess.CaseContext context) {
        boolean inCharge = context.role().familyInspector() || context.role().substitute();
        return timeline.entries(context.caseId()).stream()
                .filter(entry -> access.maySee(context, Authorization.ItemKind.UPDATE, visibility(entry.update())))
                .filter(entry -> !entry.update().isWithdrawn() || inCharge)
                .toList();
    }

    /** Who may see an update: a withdrawn one is for no member any more. */
    static Authorization.Visibility visibility(Update update) {
        if (update.isWithdrawn()) {
            return Authorization.Visibility.chosen(Set.of());
        }
        return update.forAllMembers() ? Authorization.Visibility.ALL_MEMBERS
                                      : Authorization.Visibility.chosen(update.memberIds());
    }

    /** {@code visible}: the entries the person sees, among them the one that shares a withdrawn one again. */
    private static EntryView view(Timeline.Entry entry, CaseAccess.CaseContext context, List<Phase> phases,
                                  List<Timeline.Entry> visible) {
        Update update = entry.update();
        boolean member = context.actor().role() == Role.MEMBER;
        String resharedAs = member || !update.isWithdrawn() ? null : visible.stream()
                .filter(other -> update.id().equals(other.update().resharedFrom()))
                .map(other -> other.update().id()).findFirst().orElse(null);
        String phaseTitle = phases.stream().filter(phase -> phase.code().equals(update.phase())).map(Phase::title)
                .findFirst().orElse(update.phase());
        return new EntryView(update.id(), update.phase(), phaseTitle, update.text(), update.postedAt(),
                             update.authorName(), update.forAllMembers(),
                             member ? List.of() : List.copyOf(update.memberIds()),
                             entry.corrections().stream()
                                     .map(c -> new CorrectionView(c.id(), c.text(), c.postedAt(), c.authorName()))
                                     .toList(),
                             member ? update.readBy().containsKey(context.role().memberId().orElseThrow()) : null,
                             member ? null : update.readBy(),
                             update.isWithdrawn() ? update.withdrawal().at() : null,
                             update.isWithdrawn() ? update.withdrawal().byName() : null,
                             member ? null : update.resharedFrom(), resharedAs);
    }
}
