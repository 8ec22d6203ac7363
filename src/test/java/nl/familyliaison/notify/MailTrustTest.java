package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import io.helidon.config.Config;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Languages;
import nl.familyliaison.platform.Texts;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestMail;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mails a person can trust, read from the test SMTP server: the From line names the sender recognisably in the
 * mail's language, the top says who sends it, the end says how to check it is real without clicking; a mail in Dutch
 * or English carries no language hint (the scratch-language test sees the hint where the language is neither).
 */
class MailTrustTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final Languages LANGUAGES = Languages.load(Config.empty());

    @Test
    void everyMailNamesItsSenderAndSaysHowToCheckItIsReal() throws Exception {
        CaseFiles.OpenCase file = new CaseFiles(service).open("fi-trust@inspectie.example", "REF-TRUST-1");
        for (String code : new String[] {"nl", "en"}) {
            String email = "trust-" + code + "@example.org";
            file.inspectorApi().post("/api/cases/" + file.caseId() + "/members",
                                     "{\"email\":\"" + email + "\",\"displayName\":\"Trust\",\"relation\":\"PARENT\","
                                     + "\"language\":\"" + code + "\"}");
            Texts texts = LANGUAGES.texts(new Language(code));
            Mailbox.Received invitation = Mailbox.await(email, "Uitnodiging voor Familiecontact|Invitation to Family contact");
            service.people().requestCode(email).awaitCode();
            Mailbox.Received signIn = Mailbox.await(email, People.CODE_SUBJECT);
            for (Mailbox.Received mail : new Mailbox.Received[] {invitation, signIn}) {
                for (String body : new String[] {mail.text(), mail.html()}) {
                    String from = texts.get("mail.from");
                    String check = texts.get("mail.check").split("\\{serviceUrl}")[0];
                    assertTrue(body.contains(from), code + " " + mail.subject() + ": the sender at the top: " + body);
                    assertTrue(body.indexOf(from) < body.length() / 2, "at the top: " + body);
                    assertTrue(body.contains(check) && body.lastIndexOf(check) > body.length() / 2,
                               code + " " + mail.subject() + ": how to check it, at the end: " + body);
                    assertTrue(body.contains(texts.get("mail.check").split("\\{serviceUrl}")[1]),
                               "the Inspectorate never asks for the code: " + body);
                    assertFalse(body.contains("Deze e-mail in uw taal?") || body.contains("This e-mail in your"),
                                "no language hint in Dutch or English mail: " + body);
                }
            }
            assertEquals(texts.get("mail.sender"), sender(email), "the From line's name");
        }
    }

    private static String sender(String email) throws Exception {
        for (MimeMessage message : TestMail.received()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                InternetAddress from = (InternetAddress) message.getFrom()[0];
                assertEquals("no-reply@family-liaison.invalid", from.getAddress());
                return from.getPersonal();
            }
        }
        throw new AssertionError("no mail to " + email);
    }
}
