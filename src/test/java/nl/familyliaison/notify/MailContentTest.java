package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every mail the service sends for a case — invitations, updates, corrections — goes once to each recipient, in
 * their language, and carries nothing of the case: no reference, title, names, incident date or text.
 */
class MailContentTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void mailsSayOnlyThatThereIsSomethingNew() throws Exception {
        CaseFiles.OpenCase file = files.open("fi-content@inspectie.example", "REF-ZELDZAAM-77");
        files.invite(file, "content-nl@example.org", "PARENT");
        file.inspectorApi().post("/api/cases/" + file.caseId() + "/members",
                                 "{\"email\":\"content-en@example.org\",\"displayName\":\"Jolanda Geheimnaam\","
                                 + "\"relation\":\"SIBLING\",\"language\":\"en\"}");
        String update = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates",
                                                 "{\"text\":\"Het gesprek in Utrecht op 14 mei om 10:00.\"}")
                .json().path("id").asText();
        file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates/" + update + "/corrections",
                                 "{\"text\":\"Het gesprek in Amersfoort.\"}");
        Mailbox.awaitNew("content-nl@example.org", "Er is nieuws voor u", 1);
        Mailbox.awaitNew("content-en@example.org", "There is news for you", 1);
        DeliveryTest.sleep(500);

        assertEquals(2, Mailbox.to("content-nl@example.org", "Er is nieuws voor u").size(), "update + correction");
        assertEquals(2, Mailbox.to("content-en@example.org", "There is news for you").size(), "in English");
        assertEquals(1, Mailbox.to("content-en@example.org", "Invitation to Family contact").size());

        List<String> forbidden = List.of("REF-ZELDZAAM-77", "Onderzoek REF", "Geheimnaam", "Jolanda", "Utrecht",
                                         "Amersfoort", "14 mei", "10:00", "2026-01-15", "gesprek", "Staff fi-content");
        for (MimeMessage message : TestMail.received()) {
            String to = message.getAllRecipients()[0].toString();
            if (!to.startsWith("content-")) {
                continue;
            }
            Mailbox.Received mail = Mailbox.read(message);
            List<String> parts = new ArrayList<>(List.of(mail.subject(), mail.text(), mail.html()));
            for (Header header : java.util.Collections.list(message.getAllHeaders())) {
                parts.add(header.getName() + ": " + header.getValue());
            }
            for (String part : parts) {
                for (String word : forbidden) {
                    assertFalse(part.contains(word), () -> "'" + word + "' in a mail to " + to + ": " + part);
                }
            }
        }
    }
}
