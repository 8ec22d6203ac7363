package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Account;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two transactions that lock the same two rows in opposite order deadlock for real in MariaDB; the victim is run
 * again and both finish, instead of one request failing.
 */
class DeadlockRetryTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    @Test
    void theDeadlockVictimIsRunAgainAndBothTransactionsFinish() throws Exception {
        Account first = service.people().member("deadlock-a@example.org");
        Account second = service.people().member("deadlock-b@example.org");
        Transactions transactions = new Transactions(service.running().database().client());
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> done = List.of(
                    two.submit(() -> lockBoth(transactions, first.id(), second.id(), bothHoldOne, attempts)),
                    two.submit(() -> lockBoth(transactions, second.id(), first.id(), bothHoldOne, attempts)));
            for (Future<Integer> transaction : done) {
                transaction.get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(3, attempts.get(), "two first attempts, one of them run again after the deadlock");
    }

    private static int lockBoth(Transactions transactions, String one, String other, CyclicBarrier bothHoldOne,
                                AtomicInteger attempts) {
        return transactions.inTransaction(tx -> {
            int attempt = attempts.incrementAndGet();
            lock(tx, one);
            if (attempt <= 2) {
                await(bothHoldOne);
            }
            lock(tx, other);
            return attempt;
        });
    }

    private static void lock(DbExecute tx, String accountId) {
        tx.createGet("SELECT id FROM account WHERE id = ? FOR UPDATE").addParam(accountId).execute();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
