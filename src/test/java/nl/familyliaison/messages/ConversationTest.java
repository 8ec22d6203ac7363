package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.markRead;
import static nl.familyliaison.messages.MessageCalls.page;
import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.messages.MessageCalls.threadList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A member asks, the family inspector answers, and each sees what the other wrote and read. */
class ConversationTest {

    @RegisterExtension
    static final TestService service = MessageCalls.unlimited(settings -> settings);

    private static final CaseFiles CASES = new CaseFiles(service);

    @Test
    void theMemberAsksTheInspectorAnswersAndBothSeeWhoReadWhat() {
        Cast cast = CASES.cast("ask");
        Member anna = CASES.member(cast, "anna-ask");
        JsonNode started = startThread(anna.api(), cast.caseId(), "  Wanneer hoor ik meer?  ");
        String threadId = started.path("thread").path("id").asText();
        assertEquals("Wanneer hoor ik meer?", started.path("message").path("text").asText(), "blank space removed");

        JsonNode inInbox = threadList(cast.inspectorApi(), cast.caseId()).get(0);
        assertEquals(threadId, inInbox.path("id").asText());
        assertEquals(1, inInbox.path("unreadCount").asInt());
        assertEquals(List.of("FAMILY_INSPECTOR", "MEMBER"), roles(inInbox.path("participants")));
        JsonNode question = page(cast.inspectorApi(), cast.caseId(), threadId).path("messages").get(0);
        assertEquals("Wanneer hoor ik meer?", question.path("text").asText());
        assertEquals(anna.account().displayName(), question.path("author").path("name").asText());
        assertFalse(question.path("mine").asBoolean());
        assertFalse(question.has("readBy"), "read receipts are for the sender");

        markRead(cast.inspectorApi(), cast.caseId(), threadId);
        post(cast.inspectorApi(), cast.caseId(), threadId, "In april krijgt u het onderzoeksplan.");

        JsonNode annasView = page(anna.api(), cast.caseId(), threadId).path("messages");
        assertEquals("In april krijgt u het onderzoeksplan.", annasView.get(0).path("text").asText(), "newest first");
        assertEquals("FAMILY_INSPECTOR", annasView.get(0).path("author").path("role").asText());
        JsonNode receipt = annasView.get(1).path("readBy").get(0);
        assertEquals(cast.inspector().account().displayName(), receipt.path("reader").path("name").asText());
        assertEquals(service.clock().instant().toString(), receipt.path("readAt").asText());
        assertEquals(1, threadList(anna.api(), cast.caseId()).get(0).path("unreadCount").asInt());

        markRead(anna.api(), cast.caseId(), threadId);
        assertEquals(0, threadList(anna.api(), cast.caseId()).get(0).path("unreadCount").asInt());
        JsonNode answer = page(cast.inspectorApi(), cast.caseId(), threadId).path("messages").get(0);
        assertEquals(anna.account().displayName(), answer.path("readBy").get(0).path("reader").path("name").asText());
    }

    @Test
    void theInspectorStartsAThreadWithTheMembersTheyChoose() {
        Cast cast = CASES.cast("choose");
        Member bram = CASES.member(cast, "bram-choose");
        Member carla = CASES.member(cast, "carla-choose");
        JsonNode started = startThread(cast.inspectorApi(), cast.caseId(), "Bram, kunnen we volgende week bellen?",
                                       bram.membershipId());
        assertEquals(List.of("FAMILY_INSPECTOR", "MEMBER"), roles(started.path("thread").path("participants")));
        assertEquals(bram.account().displayName(),
                     started.path("thread").path("participants").get(1).path("name").asText());

        assertEquals(1, threadList(bram.api(), cast.caseId()).size());
        assertEquals(0, threadList(carla.api(), cast.caseId()).size(), "Carla was not chosen");
        assertEquals(1, threadList(cast.inspectorApi(), cast.caseId()).size());
    }

    @Test
    void aLongThreadIsReadPageByPageNewestFirst() {
        Cast cast = CASES.cast("pages");
        Member dana = CASES.member(cast, "dana-pages");
        String threadId = startThread(dana.api(), cast.caseId(), "bericht 1").path("thread").path("id").asText();
        for (int i = 2; i <= 5; i++) {
            post(i % 2 == 0 ? cast.inspectorApi() : dana.api(), cast.caseId(), threadId, "bericht " + i);
        }
        List<String> seen = new ArrayList<>();
        String path = MessageCalls.messages(cast.caseId(), threadId) + "?limit=2";
        JsonNode page = MessageCalls.ok(dana.api().get(path));
        while (true) {
            page.path("messages").forEach(message -> seen.add(message.path("text").asText()));
            if (!page.has("nextCursor")) {
                break;
            }
            page = MessageCalls.ok(dana.api().get(path + "&cursor=" + page.path("nextCursor").asText()));
        }
        assertEquals(List.of("bericht 5", "bericht 4", "bericht 3", "bericht 2", "bericht 1"), seen);
    }

    @Test
    void aThreadWithNewsComesFirst() {
        Cast cast = CASES.cast("order");
        Member eva = CASES.member(cast, "eva-order");
        String older = startThread(eva.api(), cast.caseId(), "eerste vraag").path("thread").path("id").asText();
        service.clock().advance(Duration.ofMinutes(1));
        String newer = startThread(eva.api(), cast.caseId(), "tweede vraag").path("thread").path("id").asText();
        assertEquals(List.of(newer, older), ids(threadList(cast.inspectorApi(), cast.caseId())));
        service.clock().advance(Duration.ofMinutes(1));
        post(cast.inspectorApi(), cast.caseId(), older, "antwoord");
        assertEquals(List.of(older, newer), ids(threadList(eva.api(), cast.caseId())));
        assertEquals(1, threadList(eva.api(), cast.caseId()).get(0).path("unreadCount").asInt());
    }

    private static List<String> roles(JsonNode people) {
        List<String> roles = new ArrayList<>();
        people.forEach(person -> roles.add(person.path("role").asText()));
        return roles;
    }

    private static List<String> ids(JsonNode threads) {
        List<String> ids = new ArrayList<>();
        threads.forEach(thread -> ids.add(thread.path("id").asText()));
        return ids;
    }
}
