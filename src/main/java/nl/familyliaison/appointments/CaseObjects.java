package nl.familyliaison.appointments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

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
record CaseObjects(Stored stored, Presenter presenter, CaseAccess access) {

    /** An object of a case together with the access that let the person reach it. */
    record Found<T>(CaseContext context, T object) {
    }

    Found<Proposal> proposal(Actor actor, String id, String what) {
        return found(actor, id, what, "interview-proposal", stored::proposal, Proposal::caseId,
                     presenter::maySee);
    }

    Found<Appointment> appointment(Actor actor, String id, String what) {
        return found(actor, id, what, "appointment", stored::appointment, Appointment::caseId,
                     presenter::maySee);
    }

    /**
     * The object {@code id} (from the path), once its case let the person in and the object is for them; otherwise 404,
     * audited either way. An unknown id is asked about a case of null, which refuses it like a foreign one.
     */
    private <T> Found<T> found(Actor actor, String id, String what, String objectType,
                               Function<String, Optional<T>> lookup, Function<T, String> caseOf,
                               BiPredicate<CaseContext, T> visible) {
        Optional<T> object = Ids.isId(id) ? lookup.apply(id) : Optional.empty();
        CaseContext context = access.require(actor, object.map(caseOf).orElse(null), actionOf(actor), what,
                                             objectType, Ids.isId(id) ? id : null);
        if (!visible.test(context, object.get())) {
            throw refused(context, what, objectType, id);
        }
        return new Found<>(context, object.get());
    }

    /**
     * Appointments over all the person's cases as they may see them, each case asked once (and audited as
     * {@code what}); a case the person may no longer reach is left out.
     */
    List<AppointmentView> shown(Actor actor, List<Appointment> appointments, String what) {
        List<AppointmentView> views = new ArrayList<>();
        Map<String, Optional<CaseContext>> contexts = new HashMap<>();
        for (Appointment appointment : appointments) {
            contexts.computeIfAbsent(appointment.caseId(), caseId -> permitted(actor, caseId, what))
                    .filter(allowed -> presenter.maySee(allowed, appointment))
                    .ifPresent(allowed -> views.add(presenter.show(allowed, appointment)));
        }
        return views;
    }

    /** The access to a case for the list over all cases: a case the person may no longer reach is left out. */
    private Optional<CaseContext> permitted(Actor actor, String caseId, String what) {
        try {
            return Optional.of(access.require(actor, caseId, actionOf(actor), what, "appointment"));
        } catch (ProblemException refused) {
            return Optional.empty();
        }
    }

    private ProblemException refused(CaseContext context, String what, String objectType, String id) {
        access.recorded(context, what, objectType, id, false);
        return ProblemException.notFound();
    }

    /** Members answer and ask; staff of the case schedule. Both read through the action that fits their role. */
    static CaseAction actionOf(Actor actor) {
        return actor.role() == Role.MEMBER ? CaseAction.ANSWER_APPOINTMENT : CaseAction.SCHEDULE_APPOINTMENT;
    }
}
