package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail delivery through the outbox against a real SMTP server that goes away and comes back: nothing is lost, nothing
 * arrives twice, retries follow the backoff, an abandoned lease is taken over, a refused address ends as FAILED.
 */
class DeliveryTest {

    private static final int PORT = Ports.free();
    private static GreenMail smtp = startSmtp();

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .set("mail.smtp.port", String.valueOf(PORT)));

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void afterAnOutageEveryMailArrivesExactlyOnceOnTheBackoffSchedule() throws Exception {
        smtp.stop();
        List<String> keys = enqueue("outage", 5);
        await(() -> attempts(keys).stream().allMatch(attempts -> attempts >= 1), "every mail was tried once");
        Instant now = service.clock().instant();
        for (Instant due : dueTimes(keys)) {
            assertTrue(!due.isBefore(now.plusSeconds(24)) && !due.isAfter(now.plusSeconds(36)),
                       "the next try waits 30 s ± 20 %: " + due);
        }
        smtp = startSmtp();
        sleep(500);
        assertEquals(0, received("outage").size(), "nothing is sent before its time");
        service.clock().advance(Duration.ofSeconds(40));
        await(() -> received("outage").size() >= 5, "all five arrived");
        sleep(500);
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : received("outage")) {
            ids.add(message.getMessageID());
        }
        assertEquals(5, ids.size());
        assertEquals(5, new HashSet<>(ids).size(), "no Message-ID twice");
        assertTrue(ids.stream().allMatch(id -> id.matches("<[0-9a-f-]{36}@family-liaison>")), ids::toString);
    }

    @Test
    void aLeaseOfACrashedWorkerRunsOutAndTheMailIsSent() throws Exception {
        String key = "crashed-" + System.nanoTime();
        Transactions transactions = new Transactions(service.running().database().client());
        transactions.inTransaction(tx -> {
            service.running().features().outbox().enqueue(tx, mail(key, "crashed@example.org"));
            tx.createUpdate("UPDATE outbox SET leased_by = 'worker-that-died', lease_until = ? WHERE event_key = ?")
                    .addParam(nl.familyliaison.platform.Rows.utc(service.clock().instant().plusSeconds(120)))
                    .addParam(key)
                    .execute();
            return null;
        });
        sleep(700);
        assertTrue(received("crashed").isEmpty(), "a leased row is left alone while the lease runs");
        service.clock().advance(Duration.ofMinutes(3));
        await(() -> received("crashed").size() == 1, "sent after the lease ran out");
    }

    @Test
    void aRefusedAddressEndsAsFailed() throws Exception {
        List<String> keys = new ArrayList<>();
        String key = "refused-" + System.nanoTime();
        keys.add(key);
        new Transactions(service.running().database().client()).inTransaction(tx -> {
            service.running().features().outbox().enqueue(tx, mail(key, "this is not an address"));
            return null;
        });
        service.running().features().outbox().afterCommit();
        await(() -> "FAILED".equals(status(key)), "a refused address is not tried for 72 hours");
        assertEquals("ADDRESS_REFUSED", column(List.of(key), "failure_reason").getFirst());
        assertTrue(service.running().features().outbox().failedForGood().stream()
                           .anyMatch(failed -> failed.reason() == FailureReason.ADDRESS_REFUSED
                                               && failed.recipient().equals("DESK")),
                   "administrators see it with its reason");
    }

    @Test
    void aMailWhoseTemplateIsGoneEndsAsFailedAtOnce() {
        String key = "gone-" + System.nanoTime();
        new Transactions(service.running().database().client()).inTransaction(tx -> {
            service.running().features().outbox().enqueue(tx, mail(key, "gone@example.org"));
            // A row queued before its template was taken out of the code.
            tx.createUpdate("UPDATE outbox SET template = 'a-removed-template' WHERE event_key = ?")
                    .addParam(key)
                    .execute();
            return null;
        });
        service.running().features().outbox().afterCommit();
        await(() -> "FAILED".equals(status(key)), "a missing template is not tried again for 72 hours");
        assertTrue(column(List.of(key), "last_error").getFirst().startsWith("MissingTemplate: Missing mail template"),
                   "the error names what is missing");
        assertEquals("TEMPLATE_MISSING", column(List.of(key), "failure_reason").getFirst());
    }

    @Test
    void afterSeventyTwoHoursOfFailuresAMailEndsAsFailed() throws Exception {
        smtp.stop();
        try {
            List<String> keys = enqueue("give-up", 1);
            await(() -> attempts(keys).getFirst() >= 1, "tried once");
            service.clock().advance(Duration.ofHours(73));
            await(() -> "FAILED".equals(status(keys.getFirst())), "given up after 72 hours");
            assertEquals("GAVE_UP", column(keys, "failure_reason").getFirst());
        } finally {
            smtp = startSmtp();
        }
    }

    private static Mail mail(String key, String to) {
        return new Mail(key, null, to, MailTemplate.NEW_UPDATE, new Language("nl"), Map.of(), Mail.Priority.NORMAL);
    }

    private static List<String> enqueue(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        Transactions transactions = new Transactions(service.running().database().client());
        for (int i = 0; i < count; i++) {
            String key = prefix + "-" + i + "-" + System.nanoTime();
            String to = prefix + i + "@example.org";
            keys.add(key);
            transactions.inTransaction(tx -> {
                service.running().features().outbox().enqueue(tx, mail(key, to));
                return null;
            });
        }
        service.running().features().outbox().afterCommit();
        return keys;
    }

    private static List<MimeMessage> received(String prefix) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().startsWith(prefix)) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static List<Integer> attempts(List<String> keys) {
        return column(keys, "attempts").stream().map(Integer::valueOf).toList();
    }

    private static List<Instant> dueTimes(List<String> keys) {
        return column(keys, "due_at").stream()
                .map(text -> java.time.LocalDateTime.parse(text.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC))
                .toList();
    }

    private static String status(String key) {
        return column(List.of(key), "status").getFirst();
    }

    private static List<String> column(List<String> keys, String column) {
        List<String> values = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT " + column + " FROM outbox WHERE event_key = ?")) {
            for (String key : keys) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    values.add(row.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, what, Duration.ofSeconds(30));
    }

    static void await(BooleanSupplier condition, String what, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + patience + ": " + what);
            }
            sleep(50);
        }
    }

    private static GreenMail startSmtp() {
        return TestMail.ownServer(PORT);
    }


    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
