package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** Two instances, each with its delivery worker, on one database: 1,000 mails, none lost, none twice. */
class TwoWorkersTest {

    private static final int MAILS = 1000;

    @Test
    void twoWorkersDeliverEveryMailExactlyOnce() throws Exception {
        int port = Ports.free();
        GreenMail smtp = TestMail.ownServer(port);
        String database = TestDatabase.newDatabase();
        try (TestService first = instance(database, port); TestService second = instance(database, port)) {
            new Transactions(first.running().database().client()).inTransaction(tx -> {
                for (int i = 0; i < MAILS; i++) {
                    first.running().features().outbox().enqueue(tx, new Mail(
                            "bulk-" + i, null, "bulk" + i + "@example.org", MailTemplate.NEW_UPDATE, new Language("en"), Map.of(),
                            Mail.Priority.NORMAL));
                }
                return null;
            });
            DeliveryTest.await(() -> smtp.getReceivedMessages().length >= MAILS, "all mails delivered",
                               java.time.Duration.ofMinutes(3));
            DeliveryTest.sleep(1000);
            MimeMessage[] received = smtp.getReceivedMessages();
            Set<String> ids = new HashSet<>();
            Set<String> recipients = new HashSet<>();
            for (MimeMessage message : received) {
                ids.add(message.getMessageID());
                recipients.add(recipient(message));
            }
            assertEquals(MAILS, received.length, "no mail twice");
            assertEquals(MAILS, ids.size());
            assertEquals(MAILS, recipients.size(), "no mail lost");
        } finally {
            smtp.stop();
        }
    }

    private static TestService instance(String database, int port) {
        return TestService.builder().set("db.url", database).set("mail.smtp.port", String.valueOf(port))
                .set("notify.delivery.batch", "50").start();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
