package nl.familyliaison.rights;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountCredentials;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.appointments.AppointmentContent;
import nl.familyliaison.appointments.AppointmentService;
import nl.familyliaison.audit.AuditService;
import nl.familyliaison.briefings.BriefingContent;
import nl.familyliaison.briefings.BriefingService;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.cases.TimelineService;
import nl.familyliaison.feedback.Feedback;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.messages.MessageService;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.notify.PreferenceService;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * The member's data rights as the rest of the service sees them: the HTTP service (export, removal) and the removal
 * itself, which retention also uses for members whose cases are all purged.
 */
public record Rights(DataRightsService service, Removal removal) {

    /** What a member's file is gathered from for an export. */
    public record Sources(TimelineService timeline, MessageService messages, BriefingService briefings,
                          AppointmentService appointments, AuditService audit, PreferenceService preferences) {
    }

    /** What each feature holds of a person and deletes or replaces on removal. */
    public record Holdings(MessageContent messages, BriefingContent briefings, AppointmentContent appointments,
                           Feedback feedback, Idempotency idempotency, Outbox outbox,
                           List<AccountCredentials> credentials) {
    }

    public static Rights create(Config config, DbClient db, CaseRepository cases, MemberRepository members,
                                AccountRepository accounts, CaseAccess access, Sources sources, Holdings holdings,
                                RateLimiter limiter, Guards guards, AccessAudit audit, Transactions transactions,
                                Clock clock) {
        Removal removal = new Removal(new RemovalRepository(db), accounts, members, cases, erasures(holdings),
                                      holdings.outbox(), transactions, clock);
        Exporter exporter = new Exporter(cases, access, sources.timeline(), sources.messages(), sources.briefings(),
                                         sources.appointments(), sources.audit(), sources.preferences(), clock);
        ExportRuns runs = new ExportRuns(new ExportRunRepository(db), config.get("rights.export-lease")
                .as(Duration.class).orElse(Duration.ofMinutes(2)), clock);
        return new Rights(new DataRightsService(exporter, runs, limiter, removal, guards, audit,
                                                holdings.idempotency()), removal);
    }

    /** Everything a removed person wrote or left behind, each feature's part in one transaction. */
    private static List<Removal.Erasure> erasures(Holdings holdings) {
        return List.of((tx, accountId, email) -> holdings.messages().eraseAuthor(tx, accountId),
                       (tx, accountId, email) -> holdings.briefings().eraseRemarksOf(tx, accountId),
                       (tx, accountId, email) -> holdings.appointments().eraseAccount(tx, accountId),
                       (tx, accountId, email) -> holdings.feedback().eraseOf(tx, accountId),
                       (tx, accountId, email) -> holdings.idempotency().forget(tx, accountId),
                       (tx, accountId, email) -> holdings.outbox().forget(tx, accountId, email),
                       (tx, accountId, email) -> holdings.credentials().forEach(held -> held.forget(tx, accountId)));
    }
}
