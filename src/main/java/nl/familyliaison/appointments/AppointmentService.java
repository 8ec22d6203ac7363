package nl.familyliaison.appointments;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.appointments.AppointmentViews.AppointmentView;
import nl.familyliaison.appointments.CaseObjects.Found;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.MemberFiles;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Texts;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.RouteAccess;
import nl.familyliaison.platform.Transactions;

/**
 * Interview scheduling over HTTP. Maps requests and answers only: every route first finds the case the object
 * belongs to and asks {@link CaseAccess} (unknown, foreign or unassigned answers 404 and is audited), then whether
 * this person may see the object itself; writes run in one transaction and honour {@code Idempotency-Key}.
 */
public final class AppointmentService {

    private static final HttpMediaType CALENDAR = HttpMediaType.create("text/calendar; charset=utf-8");

    private final Scheduling scheduling;
    private final Stored stored;
    private final Presenter presenter;
    private final CalendarFile calendarFile;
    private final CaseAccess access;
    private final CaseObjects objects;
    private final Idempotency idempotency;
    private final AuditedWrites writes;
    private final Guards guards;
    private final Clock clock;
    private final InterviewWorkService workService;

    AppointmentService(Scheduling scheduling, Stored stored, Presenter presenter, CalendarFile calendarFile,
                       CaseAccess access, Idempotency idempotency, Transactions transactions, Outbox outbox,
                       Guards guards, Clock clock, InterviewWork work, AppointmentRepository repository) {
        this.scheduling = scheduling;
        this.stored = stored;
        this.presenter = presenter;
        this.calendarFile = calendarFile;
        this.access = access;
        this.objects = new CaseObjects(stored, presenter, access);
        this.idempotency = idempotency;
        this.writes = new AuditedWrites(stored, presenter, transactions, outbox);
        this.guards = guards;
        this.clock = clock;
        this.workService = new InterviewWorkService(work, stored, access, objects, this::write, repository, clock);
    }

    /** Builds the feature from what it needs of the others. */
    public static AppointmentService create(DbClient db, CaseRepository cases, MemberRepository members,
                                            AccountRepository accounts, KeyRing keys, Outbox outbox,
                                            CaseAccess access, Idempotency idempotency, Guards guards, Clock clock,
                                            Duration reminderBefore, String organizerAddress) {
        AppointmentRepository repository = new AppointmentRepository(db);
        Vault vault = new Vault(keys);
        Stored stored = new Stored(repository, vault);
        Scheduling scheduling = new Scheduling(repository, stored, cases, members, accounts, vault, outbox,
                                               new Reminders(outbox, accounts, reminderBefore, clock), clock);
        InterviewWork work = new InterviewWork(new InterviewWorkRepository(db), cases, vault, clock);
        return new AppointmentService(scheduling, stored, new Presenter(stored, accounts, members, repository, access,
                                                                        work),
                                      new CalendarFile(organizerAddress), access, idempotency,
                                      new Transactions(db), outbox, guards, clock, work, repository);
    }

    public void routes(ApiRoutes routes) {
        routes.post("/api/cases/{caseId}/interview-proposals", staff(), this::propose)
                .get("/api/cases/{caseId}/interview-proposals", guards.signedIn(), this::proposals)
                .get("/api/interview-proposals/{proposalId}", guards.signedIn(), this::proposal)
                .put("/api/interview-proposals/{proposalId}/answer", guards.roles(Role.MEMBER), this::answer)
                .post("/api/interview-proposals/{proposalId}/confirmation", staff(), this::confirm)
                .post("/api/interview-proposals/{proposalId}/withdrawal", staff(), this::withdraw)
                .get("/api/cases/{caseId}/appointments", guards.signedIn(), this::appointments)
                .get("/api/appointments", guards.signedIn(), this::upcoming)
                .get("/api/appointments/{appointmentId}", guards.signedIn(), this::appointment)
                .post("/api/appointments/{appointmentId}/reschedule", staff(), this::reschedule)
                .post("/api/appointments/{appointmentId}/cancellation", staff(), this::cancel)
                .post("/api/appointments/{appointmentId}/change-requests", guards.roles(Role.MEMBER),
                      this::requestChange)
                .get("/api/appointments/{appointmentId}/calendar.ics", guards.signedIn(), this::calendar);
        workService.routes(routes, staff());
    }

    private RouteAccess staff() {
        return guards.roles(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR);
    }

    record Confirmation(String slotId) {
    }

    record NewTime(Instant start, Instant end, String reason) {
    }

    record Cancellation(String reason) {
    }

    record ChangeRequest(RequestKind kind, String reason) {
    }

    enum RequestKind {
        RESCHEDULE, CANCEL;

        Change.Kind asChange() {
            return this == RESCHEDULE ? Change.Kind.RESCHEDULE_REQUESTED : Change.Kind.CANCEL_REQUESTED;
        }
    }

    private void propose(ServerRequest request, ServerResponse response) {
        String what = "appointment.proposal.create";
        CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                             CaseAction.SCHEDULE_APPOINTMENT, what);
        Scheduling.NewProposal body = Json.read(request, Scheduling.NewProposal.class);
        write(request, response, context, what, "interview-proposal", body, Status.CREATED_201, tx -> {
            Proposal proposal = scheduling.propose(tx, context, body);
            workService.saveNeeds(tx, proposal, body.needs());
            return proposal.id();
        });
    }

    private void proposals(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        CaseContext context = access.require(actor, caseId(request), CaseObjects.actionOf(actor),
                                             "appointment.proposal.list");
        response.send(proposalsOf(context));
    }

    private void proposal(ServerRequest request, ServerResponse response) {
        Found<Proposal> found = proposal(request, "appointment.proposal.read");
        access.recorded(found.context(), "appointment.proposal.read", "interview-proposal",
                        found.object().id(), true);
        response.send(presenter.show(found.context(), found.object()));
    }

    private void answer(ServerRequest request, ServerResponse response) {
        String what = "appointment.proposal.answer";
        Found<Proposal> found = proposal(request, what);
        Scheduling.NewAnswer body = Json.read(request, Scheduling.NewAnswer.class);
        Presenter.Answering who = presenter.answering(found.context(), found.object(), body.onBehalfOf());
        write(request, response, found.context(), what, "interview-proposal", body, Status.OK_200, tx -> {
            scheduling.answer(tx, found.object(), who.memberId(), who.answeredBy(), body);
            return found.object().id();
        });
    }

    private void confirm(ServerRequest request, ServerResponse response) {
        String what = "appointment.proposal.confirm";
        Found<Proposal> found = proposal(request, what);
        Confirmation body = Json.read(request, Confirmation.class);
        write(request, response, found.context(), what, "appointment", body, Status.CREATED_201,
              tx -> scheduling.confirm(tx, found.object(), body.slotId(), found.context().actor().accountId()).id());
    }

    private void withdraw(ServerRequest request, ServerResponse response) {
        String what = "appointment.proposal.withdraw";
        Found<Proposal> found = proposal(request, what);
        write(request, response, found.context(), what, "interview-proposal", "", Status.OK_200, tx -> {
            scheduling.withdraw(tx, found.object());
            return found.object().id();
        });
    }

    /** A write once per {@code Idempotency-Key}, in the transaction {@link AuditedWrites} opens; answers its object. */
    private void write(ServerRequest request, ServerResponse response, CaseContext context, String what,
                       String objectType, Object body, Status status, Function<DbTransaction, String> work) {
        AtomicReference<Object> shown = new AtomicReference<>();
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), status,
                claim -> writes.write(context, objectType, access.write(context, what, objectType), claim, work,
                                      shown::set), id -> shown.get());
        access.replayed(context, what, objectType, answer);
        answer.send(response);
    }

    private Found<Proposal> proposal(ServerRequest request, String what) {
        return objects.proposal(Authentication.actor(request), request.path().pathParameters().get("proposalId"),
                                what);
    }

    private Found<Appointment> appointment(ServerRequest request, String what) {
        return objects.appointment(Authentication.actor(request),
                                   request.path().pathParameters().get("appointmentId"), what);
    }

    private void appointments(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        CaseContext context = access.require(actor, caseId(request), CaseObjects.actionOf(actor),
                                             "appointment.list");
        response.send(appointmentsOf(context));
    }

    /** The case's appointments as the person of {@code context} sees them (the route's answer; the export's too). */
    public List<AppointmentView> appointmentsOf(CaseContext context) {
        return stored.appointmentsOfCase(context.caseId()).stream()
                .filter(appointment -> presenter.maySee(context, appointment))
                .map(appointment -> presenter.show(context, appointment)).toList();
    }

    /** The case's interview proposals as the person of {@code context} sees them. */
    public List<AppointmentViews.ProposalView> proposalsOf(CaseContext context) {
        return stored.proposalsOfCase(context.caseId()).stream()
                .filter(proposal -> presenter.maySee(context, proposal))
                .map(proposal -> presenter.show(context, proposal)).toList();
    }

    /** The object types of the audit trail this feature holds, for a member's file. */
    public Map<String, MemberFiles.ItemLookup> fileItems() {
        return presenter.fileItems();
    }

    /** The signed-in person's coming appointments over all their cases, soonest first. */
    private void upcoming(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        Instant now = clock.instant();
        List<Appointment> mine = actor.role() == Role.MEMBER ? stored.upcomingOfMember(actor.accountId(), now)
                                                             : stored.upcomingOfStaff(actor.accountId(), now);
        response.send(objects.shown(actor, mine, "appointment.upcoming.list"));
    }

    private void appointment(ServerRequest request, ServerResponse response) {
        Found<Appointment> found = appointment(request, "appointment.read");
        access.recorded(found.context(), "appointment.read", "appointment", found.object().id(), true);
        response.send(presenter.show(found.context(), found.object()));
    }

    private void reschedule(ServerRequest request, ServerResponse response) {
        String what = "appointment.reschedule";
        Found<Appointment> found = appointment(request, what);
        NewTime body = Json.read(request, NewTime.class);
        write(request, response, found.context(), what, "appointment", body, Status.OK_200,
              tx -> scheduling.reschedule(tx, found.object(), found.context().actor().accountId(),
                                          new TimeSlot(body.start(), body.end()), body.reason()).id());
    }

    private void cancel(ServerRequest request, ServerResponse response) {
        String what = "appointment.cancel";
        Found<Appointment> found = appointment(request, what);
        Cancellation body = Json.read(request, Cancellation.class);
        write(request, response, found.context(), what, "appointment", body, Status.OK_200,
              tx -> scheduling.cancel(tx, found.object(), found.context().actor().accountId(), body.reason()).id());
    }

    private void requestChange(ServerRequest request, ServerResponse response) {
        String what = "appointment.change-request";
        Found<Appointment> found = appointment(request, what);
        ChangeRequest body = Json.read(request, ChangeRequest.class);
        if (body.kind() == null) {
            throw ProblemException.invalid("kind", "Choose RESCHEDULE or CANCEL.");
        }
        presenter.requireMayRequestChange(found.context(), found.object());
        write(request, response, found.context(), what, "appointment", body, Status.CREATED_201, tx -> {
            scheduling.requestChange(tx, found.object(), found.context().actor().accountId(),
                                     body.kind().asChange(), body.reason());
            return found.object().id();
        });
    }

    private void calendar(ServerRequest request, ServerResponse response) {
        Found<Appointment> found = appointment(request, "appointment.calendar-file");
        byte[] ics = calendarFile.of(found.object(), Texts.of(request), clock.instant(),
                                     found.context().actor().session().account().email());
        access.recorded(found.context(), "appointment.calendar-file", "appointment", found.object().id(),
                        true);
        response.headers().contentType(CALENDAR);
        response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"appointment.ics\"");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(ics);
    }
}
