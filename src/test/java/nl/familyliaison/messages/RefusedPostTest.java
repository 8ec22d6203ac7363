package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.json;
import static nl.familyliaison.messages.MessageCalls.messages;
import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A post the shared limit refuses leaves nothing behind but the record that it was tried. */
class RefusedPostTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(
            settings -> settings.set("rate-limits.message-post-account.capacity", "2"));

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void aRefusedPostStoresNoMessageNoMailAndIsAudited() {
        Cast cast = CASES.cast("refused");
        Member anna = CASES.member(cast, "anna-refused");
        String threadId = startThread(anna.api(), cast.caseId(), "een").path("thread").path("id").asText();
        post(anna.api(), cast.caseId(), threadId, "twee");
        long messagesBefore = TABLES.count("message");
        long mailsBefore = TABLES.count("outbox");
        long triesBefore = TABLES.count("audit_event", "action = ? AND case_id = ?", "case.message.post",
                                        cast.caseId());

        assertProblem(anna.api().post(messages(cast.caseId(), threadId), json("text", "drie")), 429, "rate-limited");

        assertEquals(messagesBefore, TABLES.count("message"));
        assertEquals(mailsBefore, TABLES.count("outbox"));
        assertEquals(triesBefore + 1, TABLES.count("audit_event", "action = ? AND case_id = ?", "case.message.post",
                                                   cast.caseId()));
    }
}
