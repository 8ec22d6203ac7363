package nl.familyliaison.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.helidon.config.Config;
import jakarta.mail.util.StreamProvider;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.converter.EmailConverter;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Hands a rendered mail over: to the configured SMTP server, or — with none configured, as in the embedded
 * default —
 * as an .eml file in a folder, so a person trying the service can open the mails it would send.
 */
public final class MailSender implements AutoCloseable {

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the class path for every body part
        // it makes or writes, unless this property names it; under load that scan took half the delivery CPU.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final String from;
    private final Handover handover;

    private MailSender(String from, Handover handover) {
        this.from = from;
        this.handover = handover;
    }

    /** The sender configured under {@code mail}; without {@code mail.smtp.host}, .eml files in {@code emlFolder}. */
    public static MailSender create(Config mail, Path emlFolder) {
        String from = mail.get("from").asString().orElse("Familiecontact <no-reply@family-liaison.invalid>");
        Optional<String> host = mail.get("smtp.host").asString().asOptional().filter(it -> !it.isBlank());
        if (host.isEmpty()) {
            Path folder = mail.get("eml-dir").asString().asOptional().filter(it -> !it.isBlank()).map(Path::of)
                    .orElse(emlFolder);
            return new MailSender(from, new EmlFolder(folder));
        }
        Config smtp = mail.get("smtp");
        Mailer mailer = MailerBuilder
                .withSMTPServer(host.get(), smtp.get("port").asInt().orElse(587),
                                smtp.get("username").asString().orElse(null),
                                smtp.get("password").asString().orElse(null))
                .withTransportStrategy(TransportStrategy.valueOf(smtp.get("transport").asString().orElse("SMTP_TLS")))
                .withSessionTimeout(smtp.get("timeout-millis").asInt().orElse(10_000))
                .withConnectionPoolCoreSize(0)
                .withConnectionPoolMaxSize(smtp.get("connections").asInt().orElse(4))
                .withConnectionPoolExpireAfterMillis(smtp.get("connection-idle-millis").asInt().orElse(20_000))
                .buildMailer();
        return new MailSender(from, new Smtp(mailer));
    }

    /** Sends; a thrown exception means it was not handed over (the outbox tries again). */
    public void send(String messageId, String to, MailTemplates.Rendered rendered) {
        handover.send(messageId, email(messageId, to, rendered));
    }

    /** Lets go of whatever the sender keeps open. */
    @Override
    public void close() {
        handover.close();
    }

    Email email(String messageId, String to, MailTemplates.Rendered rendered) {
        return EmailBuilder.startingBlank()
                .from(rendered.sender(), address(from))
                .to(to)
                .withSubject(rendered.subject())
                .withPlainText(rendered.text())
                .withHTMLText(rendered.html())
                .fixingMessageId(messageId)
                .buildEmail();
    }

    /** The address of a configured From line ("Name <address>" or just the address); the name comes per language. */
    static String address(String from) {
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    /** Where a built mail goes. */
    private sealed interface Handover permits Smtp, EmlFolder {

        void send(String messageId, Email email);

        default void close() {
        }
    }

    private record Smtp(Mailer mailer) implements Handover {

        @Override
        public void send(String messageId, Email email) {
            mailer.sendMail(email);
        }

        /** Says goodbye to the SMTP server on the pooled connections. */
        @Override
        public void close() {
            mailer.shutdownConnectionPool();
        }
    }

    private record EmlFolder(Path folder) implements Handover {

        @Override
        public void send(String messageId, Email email) {
            String name = messageId.replaceAll("[^A-Za-z0-9.-]", "_") + ".eml";
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(name), EmailConverter.emailToEML(email), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + folder.resolve(name), e);
            }
        }
    }
}
