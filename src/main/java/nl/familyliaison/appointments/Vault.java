package nl.familyliaison.appointments;

import java.io.IOException;
import java.io.UncheckedIOException;

import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.KeyRing;

/**
 * Seals the free texts of scheduling (as JSON) before they are stored and opens them when read. The context binds
 * each sealed value to its row, so a value copied to another row does not open.
 */
final class Vault {

    private final KeyRing keys;

    Vault(KeyRing keys) {
        this.keys = keys;
    }

    KeyRing.Sealed seal(Object value, String context) {
        return keys.seal(Json.write(value), context);
    }

    <T> T open(KeyRing.Sealed sealed, String context, Class<T> type) {
        try {
            return Json.mapper().readValue(keys.open(sealed, context), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sealed value for " + context, e);
        }
    }

    static String proposal(String id) {
        return "interview_proposal.details:" + id;
    }

    static String answer(String proposalId, String memberId) {
        return "interview_answer.details:" + proposalId + ":" + memberId;
    }

    static String appointment(String id) {
        return "appointment.details:" + id;
    }

    static String needs(String proposalId, String memberId) {
        return "interview_need.needs:" + proposalId + ":" + memberId;
    }

    static String outcome(String appointmentId) {
        return "appointment.outcome_note:" + appointmentId;
    }

    static String change(String id) {
        return "appointment_change.reason:" + id;
    }
}
