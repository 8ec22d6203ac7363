package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.attachments;
import static nl.familyliaison.messages.MessageCalls.json;
import static nl.familyliaison.messages.MessageCalls.messages;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.messages.MessageCalls.threadList;
import static nl.familyliaison.messages.MessageCalls.threads;
import static nl.familyliaison.messages.MessageCalls.upload;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Only those taking part see a thread. For everyone else every id of it (the case's, the thread's, a message's
 * file's) answers as if nothing were there, nothing they send is stored, and the attempt is in the audit trail.
 */
class MessageAccessTest {

    @RegisterExtension
    static final TestService service = MessageCalls.unlimited(settings -> settings);

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    /** A thread of a member and the family inspector, with a file in it. */
    private record Conversation(Cast cast, Member member, String threadId, String fileId) {
    }

    private static Conversation conversation(String label) {
        Cast cast = CASES.cast(label);
        Member member = CASES.member(cast, "anna-" + label);
        String fileId = MessageCalls.uploaded(member.api(), cast.caseId(), "brief.pdf", SampleFiles.pdf(label));
        String threadId = MessageCalls.created(member.api().post(threads(cast.caseId()), json(
                "text", "Mijn vraag", "attachmentIds", List.of(fileId)))).path("thread").path("id").asText();
        return new Conversation(cast, member, threadId, fileId);
    }

    @Test
    void aMemberOfAnotherCaseAnInvestigatorAndAnAdministratorFindNothing() {
        Conversation here = conversation("outsiders");
        Cast elsewhere = CASES.cast("outsiders-other");
        Member outsider = CASES.member(elsewhere, "bram-outsiders");
        Api admin = service.api().as(service.people().signInStaff(
                service.people().staff(Role.ADMIN, "outsiders-admin@inspectie.example")));
        List<Long> before = counts();
        for (Api stranger : List.of(outsider.api(), here.cast().investigatorApi(), admin,
                                    elsewhere.inspectorApi())) {
            assertEverythingHidden(stranger, here);
        }
        assertEquals(before, counts(), "nothing stored");
        assertEquals(1, TABLES.count("audit_event", "actor_account_id = ? AND case_id = ? AND outcome = 'DENIED'"
                                                      + " AND action = 'case.messages.read'",
                                       here.cast().investigator().account().id(), here.cast().caseId()),
                     "the investigator's attempt is in the audit trail");
    }

    @Test
    void readsAndWritesAreInTheAuditTrail() {
        Conversation here = conversation("audited");
        Api inspectorApi = here.cast().inspectorApi();
        MessageCalls.page(inspectorApi, here.cast().caseId(), here.threadId());
        String answer = MessageCalls.post(inspectorApi, here.cast().caseId(), here.threadId(), "Antwoord")
                .path("id").asText();
        MessageCalls.download(inspectorApi, here.cast().caseId(), here.fileId());
        String member = here.member().account().id();
        String inspector = here.cast().inspector().account().id();
        assertAudited(here, member, "case.attachment.upload", "attachment", here.fileId());
        assertAudited(here, member, "case.thread.start", "message-thread", here.threadId());
        assertAudited(here, inspector, "case.messages.read", "message-thread", here.threadId());
        assertAudited(here, inspector, "case.message.post", "message", answer);
        assertAudited(here, inspector, "case.attachment.download", "attachment", here.fileId());
    }

    private static void assertAudited(Conversation here, String actor, String action, String type, String id) {
        assertEquals(1, TABLES.count("audit_event", "actor_account_id = ? AND action = ? AND object_type = ?"
                                                      + " AND object_id = ? AND case_id = ? AND outcome = 'ALLOWED'",
                                       actor, action, type, id, here.cast().caseId()), action);
    }

    @Test
    void aMemberNotChosenForAThreadFindsNothingInIt() {
        Cast cast = CASES.cast("unchosen");
        Member chosen = CASES.member(cast, "carla-unchosen");
        Member other = CASES.member(cast, "dirk-unchosen");
        String fileId = MessageCalls.uploaded(cast.inspectorApi(), cast.caseId(), "plan.pdf", SampleFiles.pdf("plan"));
        String threadId = MessageCalls.created(cast.inspectorApi().post(threads(cast.caseId()), json(
                        "text", "Alleen voor Carla", "memberIds", List.of(chosen.membershipId()),
                        "attachmentIds", List.of(fileId))))
                .path("thread").path("id").asText();
        assertEquals(0, threadList(other.api(), cast.caseId()).size());
        long messagesBefore = TABLES.count("message");
        assertProblem(other.api().get(messages(cast.caseId(), threadId)), 404, "not-found");
        assertProblem(other.api().post(messages(cast.caseId(), threadId), json("text", "Mag ik meelezen?")), 404,
                      "not-found");
        assertProblem(other.api().post(threads(cast.caseId()) + "/" + threadId + "/read", "{}"), 404, "not-found");
        assertEquals(404, MessageCalls.download(other.api(), cast.caseId(), fileId).statusCode());
        assertEquals(messagesBefore, TABLES.count("message"));
        assertEquals(200, MessageCalls.download(chosen.api(), cast.caseId(), fileId).statusCode());
    }

    @Test
    void aThreadOfAnotherCaseIsNotFoundThroughThisOne() {
        Conversation first = conversation("two-cases");
        Cast cast = first.cast();
        Cast second = CASES.another(cast, "two-cases-2");
        String secondCase = second.caseId();
        String otherThread = startThread(cast.inspectorApi(), secondCase, "Ander onderzoek",
                                         CASES.join(second, first.member().account().email()))
                .path("thread").path("id").asText();
        long before = TABLES.count("message");
        for (Api api : List.of(cast.inspectorApi(), first.member().api())) {
            assertProblem(api.post(messages(cast.caseId(), otherThread), json("text", "Verkeerde plek")), 404,
                          "not-found");
            assertProblem(api.get(messages(cast.caseId(), otherThread)), 404, "not-found");
            assertEquals(404, MessageCalls.download(api, secondCase, first.fileId()).statusCode());
        }
        assertEquals(before, TABLES.count("message"));
    }

    @Test
    void idsThatAreNotIdsAreNotFound() {
        Conversation here = conversation("not-ids");
        Api member = here.member().api();
        assertProblem(member.get(threads("not-a-case")), 404, "not-found");
        assertProblem(member.get(messages(here.cast().caseId(), "not-a-thread")), 404, "not-found");
        assertEquals(404, MessageCalls.download(member, here.cast().caseId(), "not-a-file").statusCode());
        assertEquals(404, MessageCalls.download(member, here.cast().caseId(), "00000000-0000-4000-8000-000000000000")
                .statusCode());
    }

    @Test
    void aMessageSaysSomethingButNotTooMuchAndNothingHalfIsStored() {
        Conversation here = conversation("text");
        String path = messages(here.cast().caseId(), here.threadId());
        long messagesBefore = TABLES.count("message");
        long threadsBefore = TABLES.count("message_thread");
        for (String text : new String[] {"", "   \n ", "x".repeat(10_001)}) {
            JsonNode problem = assertProblem(here.member().api().post(path, json("text", text)), 400,
                                             "invalid-input");
            assertEquals("text", problem.path("errors").get(0).path("field").asText());
            assertProblem(here.member().api().post(threads(here.cast().caseId()), json("text", text)), 400,
                          "invalid-input");
        }
        assertProblem(here.member().api().post(path, "{\"text\": 42}"), 400, "invalid-input");
        assertProblem(here.member().api().post(path, "{\"text\": \"hoi\", \"subject\": \"x\"}"), 400,
                      "invalid-input");
        assertProblem(here.cast().inspectorApi().post(threads(here.cast().caseId()), json("text", "Aan niemand")),
                      400, "invalid-input");
        assertProblem(here.member().api().get(path + "?limit=0"), 400, "invalid-input");
        assertProblem(here.member().api().get(path + "?cursor=made-up"), 400, "invalid-input");
        assertEquals(messagesBefore, TABLES.count("message"));
        assertEquals(threadsBefore, TABLES.count("message_thread"));
        assertEquals(201, here.member().api().post(path, json("text", "x".repeat(10_000))).status());
    }

    /** Every route, with every id of the conversation, answers 404 to {@code stranger}. */
    private static void assertEverythingHidden(Api stranger, Conversation here) {
        String caseId = here.cast().caseId();
        String thread = threads(caseId) + "/" + here.threadId();
        List<Reply> replies = List.of(
                stranger.get(threads(caseId)),
                stranger.post(threads(caseId), json("text", "Hallo")),
                stranger.get(thread + "/messages"),
                stranger.post(thread + "/messages", json("text", "Hallo")),
                stranger.post(thread + "/read", "{}"),
                upload(stranger, caseId, "x.pdf", SampleFiles.pdf("x")));
        for (Reply reply : replies) {
            assertProblem(reply, 404, "not-found");
        }
        assertProblem(stranger.get(attachments(caseId) + "/" + here.fileId()), 404, "not-found");
    }

    /** How many threads, messages, read marks and files there are. */
    private static List<Long> counts() {
        return List.of(TABLES.count("message_thread"), TABLES.count("message"), TABLES.count("message_read"),
                       TABLES.count("message_attachment"));
    }
}
