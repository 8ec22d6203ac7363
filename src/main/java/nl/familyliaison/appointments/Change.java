package nl.familyliaison.appointments;

import java.time.Instant;

/**
 * One line of an appointment's history: staff confirmed, moved or cancelled it, or a member asked to move or cancel
 * it. {@code time} is the new time of a confirmation or a move, else null.
 */
record Change(Kind kind, String actorId, TimeSlot time, String reason, Instant at) {

    enum Kind {
        CONFIRMED, RESCHEDULED, CANCELLED, RESCHEDULE_REQUESTED, CANCEL_REQUESTED;

        boolean byMember() {
            return this == RESCHEDULE_REQUESTED || this == CANCEL_REQUESTED;
        }
    }
}
