package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.json;
import static nl.familyliaison.messages.MessageCalls.messages;
import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.messages.MessageCalls.upload;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Posting and uploading are limited per account, so a runaway client cannot flood a family inspector. */
class MessageLimitsTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(
            settings -> settings.set("rate-limits.message-post-account.capacity", "2")
                    .set("rate-limits.upload-account.capacity", "1"));

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void aMemberPostingTooMuchIsAskedToWaitAndNothingIsStored() {
        Cast cast = CASES.cast("flood");
        Member anna = CASES.member(cast, "anna-flood");
        String threadId = startThread(anna.api(), cast.caseId(), "een").path("thread").path("id").asText();
        post(anna.api(), cast.caseId(), threadId, "twee");
        long stored = TABLES.count("message");
        Reply third = anna.api().post(messages(cast.caseId(), threadId), json("text", "drie"));
        assertProblem(third, 429, "rate-limited");
        // Two posts per ten minutes, refilled gradually: the next one is there after five (the clock stands still).
        assertEquals("300", third.header("Retry-After"));
        assertEquals(stored, TABLES.count("message"));
        post(cast.inspectorApi(), cast.caseId(), threadId, "De familie-inspecteur telt apart");
    }

    @Test
    void uploadsAreLimitedPerAccount() {
        Cast cast = CASES.cast("uploads");
        Member bram = CASES.member(cast, "bram-uploads");
        assertEquals(201, upload(bram.api(), cast.caseId(), "een.pdf", SampleFiles.pdf("1")).status());
        assertProblem(upload(bram.api(), cast.caseId(), "twee.pdf", SampleFiles.pdf("2")), 429, "rate-limited");
    }
}
