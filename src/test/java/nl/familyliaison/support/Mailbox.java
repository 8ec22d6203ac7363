package nl.familyliaison.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the test SMTP server received, read the way a person reads their mail. */
public final class Mailbox {

    /** Each received mail read once: a wait looks at every mail of the JVM's run again and again. */
    private static final Map<MimeMessage, Received> READ = Collections.synchronizedMap(new WeakHashMap<>());

    private Mailbox() {
    }

    /** A received mail, flattened. */
    public record Received(String to, String subject, String text, String html, String messageId) {
    }

    /** Waits until a mail to {@code address} arrives whose subject matches, newest first; fails after 15 s. */
    public static Received await(String address, String subjectPattern) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Optional<Received> found = newest(address, subjectPattern);
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        throw new AssertionError("No mail to " + address + " with subject " + subjectPattern + " arrived");
    }

    /** Waits until the {@code countBefore + 1}-th mail to {@code address} with a matching subject arrives. */
    public static Received awaitNew(String address, String subjectPattern, int countBefore) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<Received> matching = to(address, subjectPattern);
            if (matching.size() > countBefore) {
                return matching.get(countBefore);
            }
            sleep();
        }
        throw new AssertionError("No new mail to " + address + " with subject " + subjectPattern + " arrived");
    }

    /** Every mail to {@code address} whose subject matches, oldest first. */
    public static List<Received> to(String address, String subjectPattern) {
        return to(address).stream().filter(mail -> mail.subject().matches(subjectPattern)).toList();
    }

    public static Optional<Received> newest(String address, String subjectPattern) {
        List<Received> all = to(address);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).subject().matches(subjectPattern)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every mail to {@code address}, oldest first. */
    public static List<Received> to(String address) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage message : TestMail.received()) {
            Received received = READ.computeIfAbsent(message, Mailbox::read);
            if (received.to().equalsIgnoreCase(address)) {
                found.add(received);
            }
        }
        return found;
    }

    /** The first run of {@code digits} digits in the mail's text. */
    public static String code(Received mail, int digits) {
        Matcher matcher = Pattern.compile("\\b([0-9]{" + digits + "})\\b").matcher(mail.text());
        if (!matcher.find()) {
            throw new AssertionError("No " + digits + "-digit code in: " + mail.text());
        }
        return matcher.group(1);
    }

    public static Received read(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Received(to == null || to.length == 0 ? "" : to[0].toString(), message.getSubject(),
                                text.toString(), html.toString(), message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
