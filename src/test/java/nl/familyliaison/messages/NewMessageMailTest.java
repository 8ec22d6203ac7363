package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.NEW_MESSAGE_MAIL;
import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A new message is announced by mail to the others in the thread: that there is something, never what or whose. */
class NewMessageMailTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void theOthersHearThereIsSomethingNewButNotWhatNorFromWhom() {
        Cast cast = CASES.cast("mail");
        Member anna = CASES.member(cast, "anna-mail");
        Member bram = CASES.member(cast, "bram-mail");
        String question = "Is de telefoon van Pieter ooit teruggevonden?";
        JsonNode started = startThread(anna.api(), cast.caseId(), question);
        String threadId = started.path("thread").path("id").asText();

        Mailbox.Received toInspector = Mailbox.await(cast.inspector().account().email(), NEW_MESSAGE_MAIL);
        assertEquals("Er is iets nieuws voor u", toInspector.subject());
        assertTrue(toInspector.text().contains("Log in"), toInspector::text);
        assertNothingGivenAway(toInspector, question, "Pieter", anna.account().displayName(), cast.caseId());

        String answer = "Dat zoeken we uit bij de politie.";
        post(cast.inspectorApi(), cast.caseId(), threadId, answer);
        Mailbox.Received toAnna = Mailbox.await(anna.account().email(), NEW_MESSAGE_MAIL);
        assertNothingGivenAway(toAnna, answer, "politie", cast.inspector().account().displayName());

        String firstMessage = "new-message:" + started.path("message").path("id").asText();
        assertEquals(1, TABLES.count("outbox", "event_key = ?", firstMessage), "only the family inspector");
        assertEquals(0, TABLES.count("outbox", "template = 'new-message' AND recipient_id = ?", bram.account().id()),
                     "not to a member outside the thread");
        assertEquals(0, TABLES.count("outbox", "event_key = ? AND recipient_id = ?", firstMessage,
                                     anna.account().id()), "not to the writer");
    }

    @Test
    void theMailIsInThePersonsOwnLanguage() {
        Cast cast = CASES.cast("language");
        Member carla = CASES.member(cast, "carla-language");
        speaksEnglish(carla);
        startThread(cast.inspectorApi(), cast.caseId(), "Hoe gaat het?", carla.membershipId());
        Mailbox.Received mail = Mailbox.await(carla.account().email(), NEW_MESSAGE_MAIL);
        assertEquals("There is something new for you", mail.subject());
        assertTrue(mail.text().contains("Sign in"), mail::text);
        assertTrue(mail.html().contains("lang=\"en\""));
    }

    private static void assertNothingGivenAway(Mailbox.Received mail, String... secrets) {
        for (String secret : secrets) {
            for (String part : new String[] {mail.subject(), mail.text(), mail.html()}) {
                assertFalse(part.contains(secret), () -> "the mail gives away '" + secret + "': " + part);
            }
        }
    }

    private static void speaksEnglish(Member member) {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE account SET language = 'en' WHERE id = ?")) {
            update.setString(1, member.account().id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
