package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.NEW_MESSAGE_MAIL;
import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    @Test
    void everyoneElseInTheThreadGetsTheirOwnMailAsTheyChoseIt() {
        Cast cast = CASES.cast("several");
        Member anna = CASES.member(cast, "anna-several");
        Member bram = CASES.member(cast, "bram-several");
        Member carla = CASES.member(cast, "carla-several");
        Member dirk = CASES.member(cast, "dirk-several");
        choose(bram, "nl", false, "00:00", "00:00");
        choose(carla, "en", true, "00:00", "23:59");
        String threadId = startThread(cast.inspectorApi(), cast.caseId(), "Hoe gaat het met jullie?",
                                      anna.membershipId(), bram.membershipId(), carla.membershipId(),
                                      dirk.membershipId()).path("thread").path("id").asText();
        String eventKey = "new-message:" + post(anna.api(), cast.caseId(), threadId, "Goed, dank u.").path("id")
                .asText();

        assertEquals(3, TABLES.count("outbox", "event_key = ?", eventKey), "the inspector, Carla and Dirk");
        assertEquals(0, TABLES.count("outbox", "event_key = ? AND recipient_id = ?", eventKey, bram.account().id()),
                     "Bram wants no mail");
        assertEquals(1, TABLES.count("outbox", "event_key = ? AND recipient_id = ? AND language = 'en'"
                                               + " AND due_at > created_at", eventKey, carla.account().id()),
                     "Carla's mail is in English and waits for the end of her quiet hours");
        assertEquals(2, TABLES.count("outbox", "event_key = ? AND due_at = created_at AND priority = 5", eventKey),
                     "the others' go at once");
        Mailbox.Received toInspector = Mailbox.awaitNew(cast.inspector().account().email(), NEW_MESSAGE_MAIL, 0);
        Mailbox.Received toDirk = Mailbox.awaitNew(dirk.account().email(), NEW_MESSAGE_MAIL, 1);
        assertEquals("Er is iets nieuws voor u", toDirk.subject());
        assertNotEquals(toInspector.messageId(), toDirk.messageId(), "each mail is a row of its own");
        assertTrue(Mailbox.to(carla.account().email(), NEW_MESSAGE_MAIL).isEmpty(), "Carla's quiet hours last");
    }

    private static void choose(Member member, String language, boolean mail, String quietStart, String quietEnd) {
        member.api().send("PUT", "/api/preferences", "application/json",
                          ("{\"language\":\"" + language + "\",\"mailEnabled\":" + mail
                           + ",\"detailLevel\":\"EVERYTHING\",\"quietHours\":{\"start\":\"" + quietStart
                           + "\",\"end\":\"" + quietEnd + "\"}}").getBytes());
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
