package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A burst of mails queued at one instant is handed over with a handful of statements per batch, not several per
 * mail: one claim, one read of the claimed rows and one mark of the sent ones.
 */
class MailBurstTest {

    private static final int MAILS = 2000;
    private static final String RECIPIENT = "burst@example.org";

    @Test
    void aBurstOfMailsTakesAFewStatementsPerBatch() throws Exception {
        int port = Ports.free();
        GreenMail smtp = TestMail.ownServer(port);
        try (TestService service = TestService.builder().set("mail.smtp.port", String.valueOf(port)).start()) {
            Outbox outbox = service.running().features().outbox();
            new Transactions(service.running().database().client()).inTransaction(tx -> {
                for (int i = 0; i < MAILS; i++) {
                    outbox.enqueue(tx, new Mail("burst-" + i, null, RECIPIENT, MailTemplate.NEW_UPDATE,
                                                new Language("nl"), Map.of(), Mail.Priority.NORMAL));
                }
                return null;
            });
            long before = statements(service);
            long start = System.nanoTime();
            outbox.afterCommit();
            DeliveryTest.await(() -> inbox(smtp) >= MAILS, "every mail handed over", Duration.ofMinutes(3));
            double seconds = (System.nanoTime() - start) / 1e9;
            DeliveryTest.sleep(300);
            double perMail = (double) (statements(service) - before) / MAILS;
            System.out.printf("mail burst: %d mails in %.2f s = %.0f mails/s, %.3f statements per mail%n",
                              MAILS, seconds, MAILS / seconds, perMail);
            assertEquals(MAILS, inbox(smtp), "none twice");
            assertTrue(perMail < 0.5, "statements per mail: " + perMail);
        } finally {
            smtp.stop();
        }
    }

    /** One look at one mailbox: asking GreenMail for every message copies them all. */
    private static int inbox(GreenMail smtp) {
        try {
            GreenMailUser user = smtp.getUserManager().getUser(RECIPIENT);
            return user == null ? 0 : smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long statements(TestService service) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement sql = connection.createStatement();
             ResultSet status = sql.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            status.next();
            return status.getLong(2);
        }
    }
}
