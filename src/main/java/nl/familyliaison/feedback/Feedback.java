package nl.familyliaison.feedback;

import java.time.Clock;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Guards;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Transactions;

/** Feedback as the rest of the service sees it: its HTTP service, and what a removal erases of a person. */
public final class Feedback {

    private final FeedbackService service;
    private final FeedbackDesk desk;

    private Feedback(FeedbackService service, FeedbackDesk desk) {
        this.service = service;
        this.desk = desk;
    }

    /** @throws IllegalStateException when {@code feedback.address} is not an email address */
    public static Feedback create(Config config, DbClient db, Outbox outbox, KeyRing keys, Transactions transactions,
                                  Guards guards, AccessAudit audit, Idempotency idempotency, Clock clock) {
        FeedbackRepository feedback = new FeedbackRepository(db);
        FeedbackDesk desk = new FeedbackDesk(feedback, outbox, keys, transactions, clock,
                                             config.get("feedback.address").asString()
                                                     .orElse("klachten@family-liaison.invalid"));
        return new Feedback(new FeedbackService(desk, new FeedbackHandling(feedback, transactions, clock), guards,
                                                audit, idempotency), desk);
    }

    public FeedbackService service() {
        return service;
    }

    /** Deletes what a removed person sent. */
    public void eraseOf(DbExecute tx, String accountId) {
        desk.eraseOf(tx, accountId);
    }
}
