package nl.familyliaison.appointments;

import java.util.function.Function;

import io.helidon.dbclient.DbTransaction;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Transactions;

/**
 * Runs a scheduling write in its own transaction with its audit event (and the request's idempotency key, claimed by
 * the event); the mails it queued leave after the commit.
 */
final class AuditedWrites {

    private final Transactions transactions;
    private final Outbox outbox;

    AuditedWrites(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    /** @return the id of the object {@code work} wrote */
    String write(WriteEvent audited, Function<DbTransaction, String> work) {
        String objectId = transactions.inTransaction(tx -> {
            String id = work.apply(tx);
            audited.append(tx, id);
            return id;
        });
        outbox.afterCommit();
        return objectId;
    }
}
