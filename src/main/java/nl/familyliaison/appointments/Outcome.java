package nl.familyliaison.appointments;

import java.time.Instant;

/**
 * What staff record after an interview: whether it was held, and a note for staff only (sealed; never shown to
 * members, never in their export).
 */
record Outcome(Kind kind, String note, Instant recordedAt, String recordedBy) {

    static final int MAX_NOTE = 4000;

    enum Kind {
        HELD, NOT_HELD
    }
}
