package nl.familyliaison.audit;

import java.time.Clock;

import io.helidon.config.Config;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.platform.Database;

/**
 * The audit trail as the rest of the service sees it: the log every feature appends to, the access events the
 * guards record, the sealer and the retention purge that run in the background, and (built once the features whose
 * items a member's file shows exist) the HTTP service.
 */
public record Audit(AuditRepository repository, AuditSettings settings, AuditLog log, AccessAudit events,
                    AuditSealer sealer, AuditRetention retention, Clock clock) {

    /** Sealing and the retention purge run on the background pool, so requests never wait behind them. */
    public static Audit create(Config config, Database database, Clock clock) {
        AuditRepository repository = new AuditRepository(database.client());
        AuditSettings settings = AuditSettings.from(config);
        // Access events are written in batches on the background pool (see AuditWriter for why not the request pool).
        AuditLog log = new AuditLog(repository, clock,
                                    new AuditWriter(new AuditRepository(database.backgroundClient())));
        return new Audit(repository, settings, log, new AccessEvents(log),
                         new AuditSealer(new AuditRepository(database.backgroundClient()), settings, clock),
                         new AuditRetention(new AuditRepository(database.backgroundClient()), clock), clock);
    }

    /** The HTTP service: the trail's verification for administrators, a member's file for the member. */
    public AuditService service(AccountRepository accounts, Guards guards, MemberFile.Source files) {
        return new AuditService(new AuditVerifier(repository, settings.headFile()), repository, accounts, guards,
                                files, events, clock);
    }
}
