package nl.familyliaison.briefings;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.appointments.AppointmentContent;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.platform.KeyRing;

/**
 * Briefings as the rest of the service sees them: the HTTP service (which the export also reads through) and what
 * retention and removal erase.
 */
public record BriefingFeature(BriefingService service, BriefingContent content) {

    /** Briefings share message attachments and link interview proposals of the case. */
    public static BriefingFeature create(DbClient db, KeyRing keys, CaseFeature cases, MessageContent files,
                                         AppointmentContent appointments) {
        CaseFeature.Parts parts = cases.parts();
        BriefingRepository repository = new BriefingRepository(db);
        Briefings briefings = new Briefings(repository, files, cases.members(), cases.cases(), parts.accounts(),
                                            cases.timeline(), parts.outbox(), keys, parts.transactions(),
                                            parts.clock());
        return new BriefingFeature(new BriefingService(briefings, cases.members(), appointments, cases.access(),
                                                       cases.phases(), parts.guards(), parts.clock(),
                                                       parts.idempotency()),
                                   new BriefingContent(repository));
    }
}
