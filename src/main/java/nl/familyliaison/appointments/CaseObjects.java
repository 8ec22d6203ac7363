package nl.familyliaison.appointments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

import io.helidon.webserver.http.ServerRequest;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Role;
import nl.familyliaison.appointments.AppointmentViews.AppointmentView;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;

/**
 * Reaches the proposal or appointment a route names: first its case through {@link CaseAccess}, then whether this
 * person may see the object itself. Every refusal is the same 404, and is audited.
 */
final class CaseObjects {

    private final Stored stored;
    private final Presenter presenter;
    private final CaseAccess access;

    CaseObjects(Stored stored, Presenter presenter, CaseAccess access) {
        this.stored = stored;
        this.presenter = presenter;
        this.access = access;
    }

    /** An object of a case together with the access that let the person reach it. */
    record Found<T>(CaseContext context, T object) {
    }

    Found<Proposal> proposal(ServerRequest request, String what) {
        return found(request, what, "proposalId", "interview-proposal", stored::proposal, Proposal::caseId,
                     presenter::maySee);
    }

    Found<Appointment> appointment(ServerRequest request, String what) {
        return found(request, what, "appointmentId", "appointment", stored::appointment, Appointment::caseId,
                     presenter::maySee);
    }

    /**
     * The object named in the path, once its case let the person in and the object is for them; otherwise 404,
     * audited either way. An unknown id is asked about a case of null, which refuses it like a foreign one.
     */
    private <T> Found<T> found(ServerRequest request, String what, String idParameter, String objectType,
                               Function<String, Optional<T>> lookup, Function<T, String> caseOf,
                               BiPredicate<CaseContext, T> visible) {
        String id = request.path().pathParameters().get(idParameter);
        Optional<T> object = Ids.isId(id) ? lookup.apply(id) : Optional.empty();
        CaseContext context = access.require(request, object.map(caseOf).orElse(null), actionOf(request), what);
        if (!visible.test(context, object.get())) {
            throw refused(request, context, what, objectType, id);
        }
        return new Found<>(context, object.get());
    }

    /**
     * Appointments over all the person's cases as they may see them, each case asked once (and audited as
     * {@code what}); a case the person may no longer reach is left out.
     */
    List<AppointmentView> shown(ServerRequest request, List<Appointment> appointments, String what) {
        List<AppointmentView> views = new ArrayList<>();
        Map<String, Optional<CaseContext>> contexts = new HashMap<>();
        for (Appointment appointment : appointments) {
            contexts.computeIfAbsent(appointment.caseId(), caseId -> permitted(request, caseId, what))
                    .filter(allowed -> presenter.maySee(allowed, appointment))
                    .ifPresent(allowed -> views.add(presenter.show(allowed, appointment)));
        }
        return views;
    }

    /** The access to a case for the list over all cases: a case the person may no longer reach is left out. */
    private Optional<CaseContext> permitted(ServerRequest request, String caseId, String what) {
        try {
            return Optional.of(access.require(request, caseId, actionOf(request), what));
        } catch (ProblemException refused) {
            return Optional.empty();
        }
    }

    private ProblemException refused(ServerRequest request, CaseContext context, String what, String objectType,
                                     String id) {
        access.recorded(request, context, what, objectType, id, false);
        return ProblemException.notFound();
    }

    /** Members answer and ask; staff of the case schedule. Both read through the action that fits their role. */
    static CaseAction actionOf(ServerRequest request) {
        return Actor.of(request).map(actor -> actor.role() == Role.MEMBER).orElse(true)
               ? CaseAction.ANSWER_APPOINTMENT : CaseAction.SCHEDULE_APPOINTMENT;
    }
}
