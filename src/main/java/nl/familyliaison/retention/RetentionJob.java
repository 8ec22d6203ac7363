package nl.familyliaison.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import nl.familyliaison.audit.AuditRetention;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Investigation;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Periodic;
import nl.familyliaison.platform.Transactions;

/**
 * Purges what has outlived its purpose. For every closed case whose aftercare ended longer ago than the configured
 * period: its content (briefings, messages and files, interviews, the timeline) goes in one transaction per case, and
 * the case is marked purged (its reference, dates and memberships stay, holding no content). The audit trail keeps
 * every event — the chain hashes cover content hashes, not content — and, after its own longer period, the events'
 * personal fields are erased by {@link AuditRetention}, which also leaves the chain verifiable. Among the content
 * purgeables are the case's former members: whoever has no other case left is forgotten as after a removal. Also
 * cleans up stored idempotent answers, uploads that were never sent, and the {@link Sweep sweeps}: expired sign-in
 * challenges, ended sessions, sent mail and the IPs of old sign-in events, each after its own period. Each run logs
 * what it purged; in dry-run mode it only reports and logs what would go (the sweeps only run for real).
 */
public final class RetentionJob implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    private final CaseRepository cases;
    private final List<Purgeable> content;
    private final List<Sweep> sweeps;
    private final AuditRetention audit;
    private final MessageContent uploads;
    private final Idempotency idempotency;
    private final Transactions transactions;
    private final RetentionSettings settings;
    private final Clock clock;
    private final Periodic periodic;

    RetentionJob(CaseRepository cases, List<Purgeable> content, List<Sweep> sweeps, AuditRetention audit,
                        MessageContent uploads, Idempotency idempotency, Transactions transactions,
                        RetentionSettings settings, Clock clock) {
        this.cases = cases;
        this.content = List.copyOf(content);
        this.sweeps = List.copyOf(sweeps);
        this.audit = audit;
        this.uploads = uploads;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.periodic = new Periodic("retention", settings.interval(), this::run);
    }

    /** What one case lost (or would lose), by kind. */
    public record CaseReport(String caseId, String reference, Instant accessEndedAt, Map<String, Long> counts) {
    }

    /** One run: the cases purged (or that would be) and, outside a dry run, the clean-ups done (swept by kind). */
    public record Report(boolean dryRun, Instant at, List<CaseReport> cases, long auditEventsErased,
                         long idempotencyKeysDeleted, long unsentUploadsDeleted, Map<String, Long> swept) {
    }

    /** One run as configured (dry run or not). */
    public Report run() {
        return run(settings.dryRun());
    }

    /** One run; with {@code dryRun} nothing is changed. */
    public Report run(boolean dryRun) {
        Instant now = clock.instant();
        List<CaseReport> reports = new ArrayList<>();
        for (Investigation investigation : cases.toPurge(now.minus(settings.contentAfterAccessEnds()))) {
            Map<String, Long> counts = new LinkedHashMap<>();
            if (dryRun) {
                content.forEach(kind -> counts.put(kind.kind(), kind.count().apply(investigation.id())));
            } else {
                transactions.inTransaction(tx -> {
                    content.forEach(kind -> counts.put(kind.kind(), kind.purge().apply(tx, investigation.id())));
                    cases.in(tx).markPurged(investigation.id(), now);
                    return null;
                });
            }
            CaseReport report = new CaseReport(investigation.id(), investigation.reference(),
                                               investigation.accessEndsAt(), counts);
            LOG.info((dryRun ? "Retention (dry run) would purge" : "Retention purged") + " case "
                     + report.reference() + " (" + report.caseId() + "): " + counts);
            reports.add(report);
        }
        if (dryRun) {
            return new Report(true, now, reports, 0, 0, 0, Map.of());
        }
        long erased = 0;
        for (Investigation investigation : cases.purgedBefore(now.minus(settings.auditPersonalAfterAccessEnds()))) {
            erased += audit.purgeContentOfCase(investigation.id());
        }
        long keys = transactions.inTransaction(tx -> idempotency.deleteBefore(tx, now.minus(settings.idempotencyKeys())));
        long unsent = uploads.deleteUnsentUploads(now.minus(settings.unsentUploads()));
        if (erased + keys + unsent > 0) {
            LOG.info("Retention erased the personal fields of " + erased + " audit event(s), deleted " + keys
                     + " idempotency key(s) and " + unsent + " unsent upload(s)");
        }
        return new Report(false, now, reports, erased, keys, unsent, sweep(now));
    }

    private Map<String, Long> sweep(Instant now) {
        Map<String, Long> swept = new LinkedHashMap<>();
        for (Sweep sweep : sweeps) {
            swept.put(sweep.kind(), sweep.delete().apply(now.minus(sweep.after())));
        }
        if (swept.values().stream().anyMatch(count -> count > 0)) {
            LOG.info("Retention swept " + swept);
        }
        return swept;
    }

    public void start() {
        periodic.start();
    }

    @Override
    public void close() {
        periodic.close();
    }
}
