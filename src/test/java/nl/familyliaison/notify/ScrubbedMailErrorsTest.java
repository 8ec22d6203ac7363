package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.support.LogRecords;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refused mail's error text is kept in the outbox and logged, without the address the refusal names: the SMTP
 * server's refusal ("550 5.1.1 &lt;kim@example.org&gt;: Recipient address rejected") and the mail library's
 * ("Invalid TO address: …").
 */
class ScrubbedMailErrorsTest {

    private static final RefusingSmtp smtp = refusingSmtp();
    private static final LogRecords records = new LogRecords();

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .set("mail.smtp.port", String.valueOf(smtp.port())));

    @AfterAll
    static void stopSmtp() throws IOException {
        smtp.close();
        Logger.getLogger(DeliveryWorker.class.getName()).removeHandler(records);
    }

    @Test
    void theServersRefusalIsStoredWithoutTheAddress() {
        String key = "refused-by-server-" + System.nanoTime();
        enqueue(key, "kim.refused@example.org");
        DeliveryTest.await(() -> lastError(key) != null, "the refusal is recorded");
        String error = lastError(key);
        assertTrue(error.contains("Recipient address rejected"), error);
        assertFalse(error.contains("kim.refused"), error);
        assertFalse(error.contains("@example.org"), error);
    }

    @Test
    void anInvalidAddressIsStoredAndLoggedWithoutIt() {
        Logger.getLogger(DeliveryWorker.class.getName()).addHandler(records);
        String key = "refused-by-library-" + System.nanoTime();
        enqueue(key, "jo.invalid@@example.org");
        DeliveryTest.await(() -> lastError(key) != null, "the refusal is recorded");
        String error = lastError(key);
        assertFalse(error.contains("jo.invalid"), error);
        DeliveryTest.await(() -> records.formatted().contains("failed for good"), "the failure is logged");
        assertFalse(records.formatted().contains("jo.invalid"), records.formatted());
    }

    private static RefusingSmtp refusingSmtp() {
        try {
            return new RefusingSmtp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void enqueue(String key, String to) {
        new Transactions(service.running().database().client()).inTransaction(tx -> {
            service.running().features().outbox()
                    .enqueue(tx, new Mail(key, null, to, MailTemplate.NEW_UPDATE, new Language("nl"), Map.of(), Mail.Priority.NORMAL));
            return null;
        });
        service.running().features().outbox().afterCommit();
    }

    private static String lastError(String key) {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT last_error FROM outbox WHERE event_key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An SMTP server that refuses every recipient the way a real one refuses an unknown user: "550 5.1.1
     * &lt;address&gt;: Recipient address rejected". (GreenMail can only fail a mail after its DATA, with a text
     * that names nobody.)
     */
    private static final class RefusingSmtp implements AutoCloseable {
        private final ServerSocket socket;

        RefusingSmtp() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("refusing-smtp").start(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread.ofVirtual().start(() -> converse(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void converse(Socket client) {
            try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                                                                                         StandardCharsets.US_ASCII));
                 Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
                reply(out, "220 refusing-smtp ready");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("RCPT")) {
                        String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                    } else if (command.startsWith("QUIT")) {
                        reply(out, "221 bye");
                        return;
                    } else if (command.startsWith("DATA")) {
                        reply(out, "554 no valid recipients");
                    } else {
                        reply(out, "250 OK");
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the client hung up
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
