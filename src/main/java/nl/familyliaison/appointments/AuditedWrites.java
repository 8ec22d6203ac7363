package nl.familyliaison.appointments;

import java.util.function.Consumer;
import java.util.function.Function;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Transactions;

/**
 * Runs a scheduling write in its own transaction with its audit event and the request's idempotency key, which
 * keeps the answer (the written object as the person sees it, read in the same transaction); the mails it queued
 * leave after the commit.
 */
record AuditedWrites(Stored stored, Presenter presenter, Transactions transactions, Outbox outbox) {

    /** @return the id of the object {@code work} wrote; {@code shown} is given its view */
    String write(CaseContext context, String objectType, WriteEvent audited, Idempotency.Claim claim,
                 Function<DbTransaction, String> work, Consumer<Object> shown) {
        String objectId = transactions.inTransaction(tx -> {
            String id = work.apply(tx);
            audited.append(tx, id);
            Object view = show(tx, context, objectType, id);
            claim.keep(tx, id, view);
            shown.accept(view);
            return id;
        });
        outbox.afterCommit();
        return objectId;
    }

    private Object show(DbExecute tx, CaseContext context, String objectType, String id) {
        Presenter inTx = presenter.in(tx);
        return "appointment".equals(objectType) ? inTx.show(context, stored.in(tx).appointment(id).orElseThrow())
                                                : inTx.show(context, stored.in(tx).proposal(id).orElseThrow());
    }
}
