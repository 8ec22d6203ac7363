package nl.familyliaison.cases;

import java.util.List;
import java.util.logging.Logger;

import nl.familyliaison.platform.Transactions;

/**
 * Seals the timeline texts that were stored before texts were encrypted (migration V16 moved them to
 * {@code body_plain}). The key is configuration, not something a migration can see, so this runs at start-up,
 * before the service takes requests: in batches, each its own short transaction, so a large timeline neither holds
 * one huge transaction nor blocks the posting of new updates for long. It is idempotent: a row is sealed only while
 * it is still plain, and rows another instance is sealing at the same moment are skipped and left to it.
 */
public final class PlaintextUpdates {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(PlaintextUpdates.class.getName());

    private final UpdateRepository updates;
    private final Transactions transactions;

    public PlaintextUpdates(UpdateRepository updates, Transactions transactions) {
        this.updates = updates;
        this.transactions = transactions;
    }

    /** Seals every row still in plain text; returns how many this call sealed. */
    public long sealRemaining() {
        long sealed = 0;
        while (true) {
            long inBatch = transactions.inTransaction(tx -> {
                List<UpdateRepository.Plain> batch = updates.in(tx).plaintextBatch(BATCH);
                return batch.stream().filter(plain -> updates.in(tx).sealPlaintext(plain)).count();
            });
            if (inBatch == 0) {
                break;
            }
            sealed += inBatch;
        }
        if (sealed > 0) {
            LOG.info("Encrypted " + sealed + " timeline text(s) stored before texts were encrypted");
        }
        return sealed;
    }
}
