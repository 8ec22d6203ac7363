package nl.familyliaison.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Scrub;
import nl.familyliaison.platform.Transactions;

/**
 * Promised updates that are late are not left to chance: the family inspector in charge (or their substitute) gets a
 * mail two working days before the next-update date and one on it; {@code escalateAfter} working days after it, the
 * coordination address gets a mail (when one is configured) and administrators see the case on their console. Each
 * stage acts once per promise: its row is written in the transaction that queues its mail, and a second writer (a
 * later round, another instance) finds it there. A missed stage is not made up for: only the latest one due acts.
 */
public final class OverduePromises {

    private static final Logger LOG = Logger.getLogger(OverduePromises.class.getName());

    static final int REMIND_WORKING_DAYS_BEFORE = 2;

    /** What is done about one promise, in order. */
    enum Stage { SOON, DUE, ESCALATED }

    private final CaseRepository cases;
    private final PromiseRepository promises;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final int escalateAfter;
    private final Optional<String> coordination;

    OverduePromises(CaseRepository cases, PromiseRepository promises, AccountRepository accounts, Outbox outbox,
                    Transactions transactions, Clock clock, int escalateAfter, Optional<String> coordination) {
        if (escalateAfter < 1) {
            throw new IllegalArgumentException("cases.escalation-after must be at least 1 working day");
        }
        this.cases = cases;
        this.promises = promises;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
        this.coordination = coordination.map(String::strip).filter(address -> !address.isEmpty());
    }

    /** The latest stage due on {@code today} for a promise of {@code promisedBy}, if any. */
    static Optional<Stage> stageOn(LocalDate promisedBy, LocalDate today, int escalateAfter) {
        if (WorkingDays.between(promisedBy, today) >= escalateAfter) {
            return Optional.of(Stage.ESCALATED);
        }
        if (!today.isBefore(promisedBy)) {
            return Optional.of(Stage.DUE);
        }
        if (!today.isBefore(WorkingDays.before(promisedBy, REMIND_WORKING_DAYS_BEFORE))) {
            return Optional.of(Stage.SOON);
        }
        return Optional.empty();
    }

    /** One round over the open cases. */
    public void round() {
        LocalDate today = Cases.today(clock);
        for (Investigation investigation : cases.all()) {
            if (investigation.status() != Investigation.Status.OPEN) {
                continue;
            }
            try {
                stageOn(investigation.nextUpdateBy(), today, escalateAfter).ifPresent(
                        stage -> transactions.inTransaction(tx -> act(tx, investigation, stage, today)));
            } catch (RuntimeException e) {
                // One case's failure waits for the next round; the other cases are not kept waiting for it.
                LOG.log(Level.WARNING, "Promise round failed for case " + investigation.id(), Scrub.throwable(e));
            }
        }
        outbox.afterCommit();
    }

    /** The open escalated promises, for the administrators' console. */
    List<PromiseRepository.Escalated> escalated() {
        return promises.escalatedOpen();
    }

    private Void act(DbExecute tx, Investigation investigation, Stage stage, LocalDate today) {
        List<String> inCharge = cases.in(tx).inspectorsInCharge(investigation.id(), today);
        String familyInspector = cases.in(tx).staff(investigation.id()).stream()
                .filter(staff -> "FAMILY_INSPECTOR".equals(staff.role())).map(CaseRepository.StaffOfCase::accountId)
                .findFirst().orElse(null);
        if (!promises.in(tx).claim(investigation.id(), investigation.nextUpdateBy(), stage, familyInspector,
                                   clock.instant())) {
            return null;
        }
        String event = "promise-" + stage.name().toLowerCase(java.util.Locale.ROOT) + ":" + investigation.id() + ":"
                       + investigation.nextUpdateBy();
        if (stage != Stage.ESCALATED) {
            inCharge.forEach(accountId -> accounts.in(tx).byId(accountId).ifPresent(account -> outbox.enqueue(
                    tx, new Mail(event, account.id(), account.email(), MailTemplate.PROMISE_REMINDER,
                                 account.language(), Map.of(), Mail.Priority.NORMAL))));
        } else {
            coordination.ifPresent(address -> outbox.enqueue(tx, new Mail(
                    event, null, address, MailTemplate.PROMISE_ESCALATED, null,
                    Map.of("reference", investigation.reference(),
                           "workingDays", String.valueOf(WorkingDays.between(investigation.nextUpdateBy(), today))),
                    Mail.Priority.NORMAL)));
        }
        return null;
    }
}
