package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;

/**
 * A confirmed interview. Its {@code sequence} rises with every change so that calendar programs replace the event
 * they already have instead of adding a second one.
 */
record Appointment(String id, String caseId, String proposalId, InterviewMode mode, Details details, TimeSlot time,
                   Status status, int sequence, List<String> staffIds, List<String> memberIds) {

    enum Status {
        CONFIRMED, CANCELLED
    }

    boolean isCancelled() {
        return status == Status.CANCELLED;
    }
}
