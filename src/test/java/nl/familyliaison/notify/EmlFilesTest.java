package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** Without an SMTP server, as in the embedded default, each mail is written as a readable .eml file. */
class EmlFilesTest {

    @Test
    void aSignInCodeIsWrittenAsAnEmlFileAnyMailProgramOpens() throws Exception {
        Path dataDir = TestFolders.fresh("eml");
        try (TestService service = TestService.builder().set("mail.smtp.host", "").set("data.dir", dataDir.toString())
                .start()) {
            new People(service).member("eml@example.org");
            service.api().post("/api/sign-in/code-requests", "{\"email\":\"eml@example.org\"}");
            Path folder = dataDir.resolve("mail");
            DeliveryTest.await(() -> emlFiles(folder).size() == 1, "one .eml file");
            try (InputStream in = Files.newInputStream(emlFiles(folder).getFirst())) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                Mailbox.Received mail = Mailbox.read(message);
                assertEquals("eml@example.org", mail.to());
                assertEquals("Uw inlogcode", mail.subject());
                assertTrue(Mailbox.code(mail, 8).matches("[0-9]{8}"));
                assertTrue(mail.html().contains(Mailbox.code(mail, 8)), "text and HTML both");
            }
        }
    }

    private static List<Path> emlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".eml")).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
