package nl.familyliaison.appointments;

import java.time.Duration;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.platform.KeyRing;

/**
 * Interviews as the rest of the service sees them: the HTTP service (which the export and a member's file also read
 * through) and what briefings, retention and removal may do with the stored proposals and appointments.
 */
public record Appointments(AppointmentService service, AppointmentContent content) {

    /** Reads {@code appointments.reminder-before} and {@code appointments.organizer-address}. */
    public static Appointments create(Config config, DbClient db, KeyRing keys, CaseFeature cases) {
        CaseFeature.Parts parts = cases.parts();
        AppointmentService service = AppointmentService.create(
                db, cases.cases(), cases.members(), parts.accounts(), keys, parts.outbox(), cases.access(),
                parts.idempotency(), parts.guards(), parts.clock(),
                config.get("appointments.reminder-before").as(Duration.class).orElse(Duration.ofHours(24)),
                config.get("appointments.organizer-address").asString().orElse("no-reply@family-liaison.invalid"));
        return new Appointments(service, new AppointmentContent(db, keys));
    }
}
