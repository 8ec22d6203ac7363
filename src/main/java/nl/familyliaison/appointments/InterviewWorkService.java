package nl.familyliaison.appointments;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.helidon.dbclient.DbTransaction;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.appointments.AppointmentViews.AppointmentView;
import nl.familyliaison.appointments.CaseObjects.Found;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.RouteAccess;

/**
 * Staff's interview work over HTTP: my agenda by week over all my cases, free/busy of the staff taking part while
 * times are proposed, and recording after an interview whether it was held. Maps requests and answers only.
 */
final class InterviewWorkService {

    private final InterviewWork work;
    private final Stored stored;
    private final CaseAccess access;
    private final CaseObjects objects;
    private final Write writes;
    private final AppointmentRepository repository;
    private final java.time.Clock clock;

    InterviewWorkService(InterviewWork work, Stored stored, CaseAccess access, CaseObjects objects, Write writes,
                         AppointmentRepository repository, java.time.Clock clock) {
        this.work = work;
        this.stored = stored;
        this.access = access;
        this.objects = objects;
        this.writes = writes;
        this.repository = repository;
        this.clock = clock;
    }

    /** The feature's one audited write, once per Idempotency-Key (AppointmentService's); answers its object. */
    interface Write {
        void write(ServerRequest request, ServerResponse response, CaseContext context, String what,
                   String objectType, Object body, Status status, Function<DbTransaction, String> work);
    }

    /** A week of a staff member's agenda: Monday 00:00 until the next Monday, Europe/Amsterdam. */
    record AgendaView(LocalDate week, Instant from, Instant until, LocalDate previous, LocalDate next,
                      List<AppointmentView> appointments) {
    }

    void routes(ApiRoutes routes, RouteAccess staff) {
        routes.get("/api/agenda", staff, this::agenda)
                .get("/api/cases/{caseId}/busy", staff, this::busy)
                .put("/api/appointments/{appointmentId}/outcome", staff, this::outcome);
    }

    /** Part of proposing: the needs given with the proposal are stored with it, in its transaction. */
    void saveNeeds(io.helidon.dbclient.DbExecute tx, Proposal proposal, List<Needs.ForMember> needs) {
        work.in(tx).saveNeeds(proposal, needs);
    }

    private void agenda(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        LocalDate monday = week(request.query().first("week").asOptional().orElse(null));
        Instant from = monday.atStartOfDay(CalendarFile.AMSTERDAM).toInstant();
        Instant until = monday.plusWeeks(1).atStartOfDay(CalendarFile.AMSTERDAM).toInstant();
        List<Appointment> mine = work.agenda(actor.accountId(), new TimeSlot(from, until)).stream()
                .map(stored::appointment).toList();
        List<AppointmentView> views = objects.shown(actor, mine, "appointment.agenda");
        response.send(new AgendaView(monday, from, until, monday.minusWeeks(1), monday.plusWeeks(1), views));
    }

    /** How far from today a week or moment asked for may lie: further is a mistake, not a plan. */
    static final int PLAUSIBLE_YEARS = 10;

    private LocalDate week(String given) {
        LocalDate today = LocalDate.now(clock.withZone(CalendarFile.AMSTERDAM));
        try {
            LocalDate day = given == null || given.isEmpty() ? today : LocalDate.parse(given);
            if (day.isBefore(today.minusYears(PLAUSIBLE_YEARS)) || day.isAfter(today.plusYears(PLAUSIBLE_YEARS))) {
                throw new DateTimeException("outside the plausible range");
            }
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeException e) {
            throw ProblemException.invalid("week", "Give a date as 2026-12-07, within ten years of today.");
        }
    }

    private void busy(ServerRequest request, ServerResponse response) {
        CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.SCHEDULE_APPOINTMENT,
                                             "appointment.busy.list", "appointment");
        List<String> staffIds = Arrays.stream(request.query().first("staffIds").asOptional().orElse("").split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        response.send(work.busy(context.caseId(), staffIds, instant(request, "from"), instant(request, "until")));
    }

    private Instant instant(ServerRequest request, String name) {
        String given = request.query().first(name).asOptional().orElse("");
        Instant now = clock.instant();
        try {
            Instant moment = Instant.parse(given);
            LocalDate day = LocalDate.ofInstant(moment, java.time.ZoneOffset.UTC);
            LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
            if (day.isBefore(today.minusYears(PLAUSIBLE_YEARS)) || day.isAfter(today.plusYears(PLAUSIBLE_YEARS))) {
                throw new DateTimeException("outside the plausible range");
            }
            return moment;
        } catch (DateTimeException e) {
            throw ProblemException.invalid(name, "Give a moment as 2026-12-07T09:00:00Z, within ten years of today.");
        }
    }

    private void outcome(ServerRequest request, ServerResponse response) {
        String what = "appointment.outcome.record";
        Found<Appointment> found = objects.appointment(Authentication.actor(request),
                                                       request.path().pathParameters().get("appointmentId"), what);
        InterviewWork.NewOutcome body = Json.read(request, InterviewWork.NewOutcome.class);
        writes.write(request, response, found.context(), what, "appointment", body, Status.OK_200, tx -> {
            work.in(tx).record(repository.in(tx), found.object(), found.context().actor().accountId(), body);
            return found.object().id();
        });
    }
}
