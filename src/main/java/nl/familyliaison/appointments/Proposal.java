package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An invitation to an interview: up to five times to choose from, how and where, who of the staff takes part and
 * which members are asked. It is OPEN until staff confirm one time (CONFIRMED) or withdraw it.
 */
record Proposal(String id, String caseId, String proposedBy, InterviewMode mode, Details details, Status status,
                Instant createdAt, List<Slot> slots, List<String> staffIds, List<String> memberIds) {

    enum Status {
        OPEN, CONFIRMED, WITHDRAWN
    }

    /** One of the proposed times, numbered from 1 as people read them. */
    record Slot(String id, int position, TimeSlot time) {
    }

    Optional<Slot> slot(String slotId) {
        return slots.stream().filter(slot -> slot.id().equals(slotId)).findFirst();
    }

    boolean invites(String memberId) {
        return memberIds.contains(memberId);
    }
}
