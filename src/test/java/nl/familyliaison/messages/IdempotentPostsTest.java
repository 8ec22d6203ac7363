package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.json;
import static nl.familyliaison.messages.MessageCalls.messages;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.messages.MessageCalls.threads;
import static nl.familyliaison.messages.MessageCalls.upload;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A phone on a bad connection sends again what it is not sure arrived. With the same Idempotency-Key it gets the
 * first answer again and nothing is stored twice, also when the retries arrive at the same moment.
 */
class IdempotentPostsTest {

    private static final int AT_ONCE = 6;

    @RegisterExtension
    static final TestService service = MessageCalls.unlimited(settings -> settings);

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void aRetriedMessageIsStoredOnceAndAnsweredTheSame() {
        Cast cast = CASES.cast("retry");
        Member anna = CASES.member(cast, "anna-retry");
        String threadId = startThread(anna.api(), cast.caseId(), "Eerste vraag").path("thread").path("id").asText();
        long stored = TABLES.count("message");
        long mails = TABLES.count("outbox");

        Reply first = anna.api().post(messages(cast.caseId(), threadId), json("text", "Nog een vraag"),
                                      "Idempotency-Key", "retry-1");
        Reply again = anna.api().post(messages(cast.caseId(), threadId), json("text", "Nog een vraag"),
                                      "Idempotency-Key", "retry-1");
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.body(), again.body());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(stored + 1, TABLES.count("message"));
        assertEquals(mails + 1, TABLES.count("outbox"), "one mail, to the family inspector");
    }

    @Test
    void retriesArrivingTogetherStoreOneMessage() throws Exception {
        Cast cast = CASES.cast("together");
        Member bram = CASES.member(cast, "bram-together");
        String threadId = startThread(bram.api(), cast.caseId(), "Eerste vraag").path("thread").path("id").asText();
        long stored = TABLES.count("message");

        List<Reply> replies = atOnce(() -> bram.api().post(messages(cast.caseId(), threadId), json("text", "Tegelijk"),
                                                           "Idempotency-Key", "together-1"));
        for (Reply reply : replies) {
            assertEquals(201, reply.status(), reply::toString);
            assertEquals(replies.getFirst().body(), reply.body());
        }
        assertEquals(1, replies.stream().filter(reply -> reply.header("Idempotent-Replayed") == null).count(),
                     "one request did the work, the others got its answer");
        assertEquals(stored + 1, TABLES.count("message"));
    }

    @Test
    void threadsUploadsAndReadMarksAreStoredOnceToo() throws Exception {
        Cast cast = CASES.cast("others");
        Member carla = CASES.member(cast, "carla-others");
        long threadsBefore = TABLES.count("message_thread");
        List<Reply> started = atOnce(() -> carla.api().post(threads(cast.caseId()), json("text", "Nieuwe vraag"),
                                                            "Idempotency-Key", "others-thread"));
        assertEquals(started.getFirst().body(), started.getLast().body());
        assertEquals(threadsBefore + 1, TABLES.count("message_thread"));

        long filesBefore = TABLES.count("message_attachment");
        Reply file = upload(carla.api(), cast.caseId(), "a.pdf", SampleFiles.pdf("a"), "Idempotency-Key", "file-1");
        Reply fileAgain = upload(carla.api(), cast.caseId(), "a.pdf", SampleFiles.pdf("a"), "Idempotency-Key",
                                 "file-1");
        assertEquals(file.body(), fileAgain.body());
        assertEquals(filesBefore + 1, TABLES.count("message_attachment"));

        String threadId = started.getFirst().json().path("thread").path("id").asText();
        String read = threads(cast.caseId()) + "/" + threadId + "/read";
        assertEquals(204, cast.inspectorApi().post(read, "{}", "Idempotency-Key", "read-1").status());
        assertEquals("true", cast.inspectorApi().post(read, "{}", "Idempotency-Key", "read-1")
                .header("Idempotent-Replayed"));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        Cast cast = CASES.cast("conflict");
        Member dirk = CASES.member(cast, "dirk-conflict");
        String threadId = startThread(dirk.api(), cast.caseId(), "Vraag").path("thread").path("id").asText();
        dirk.api().post(messages(cast.caseId(), threadId), json("text", "Eerste"), "Idempotency-Key", "conflict-1");
        long stored = TABLES.count("message");

        assertProblem(dirk.api().post(messages(cast.caseId(), threadId), json("text", "Iets anders"),
                                      "Idempotency-Key", "conflict-1"), 409, "conflict");
        assertProblem(upload(dirk.api(), cast.caseId(), "x.pdf", SampleFiles.pdf("x"), "Idempotency-Key",
                             "conflict-1"), 409, "conflict");
        assertEquals(stored, TABLES.count("message"));
    }

    @Test
    void aRequestThatFailedLeavesItsKeyFreeAndKeysArePersonal() {
        Cast cast = CASES.cast("failed");
        Member eva = CASES.member(cast, "eva-failed");
        String threadId = startThread(eva.api(), cast.caseId(), "Vraag").path("thread").path("id").asText();
        Reply failed = eva.api().post(messages(cast.caseId(), threadId),
                                      json("text", "Met bijlage", "attachmentIds", List.of("not-an-upload")),
                                      "Idempotency-Key", "failed-1");
        assertProblem(failed, 400, "invalid-input");
        assertEquals(201, eva.api().post(messages(cast.caseId(), threadId), json("text", "Zonder bijlage"),
                                         "Idempotency-Key", "failed-1").status());
        Reply inspectors = cast.inspectorApi().post(messages(cast.caseId(), threadId), json("text", "Antwoord"),
                                                    "Idempotency-Key", "failed-1");
        assertEquals(201, inspectors.status(), "another person's key of the same name is theirs");
        assertNull(inspectors.header("Idempotent-Replayed"));
    }

    @Test
    void aKeyIsAShortPrintableText() {
        Cast cast = CASES.cast("badkey");
        Member fleur = CASES.member(cast, "fleur-badkey");
        long threadsBefore = TABLES.count("message_thread");
        for (String key : List.of("x".repeat(101), "met spatie")) {
            assertProblem(fleur.api().post(threads(cast.caseId()), json("text", "Vraag"), "Idempotency-Key", key),
                          400, "invalid-input");
        }
        assertEquals(threadsBefore, TABLES.count("message_thread"));
    }

    /** The same request sent {@value #AT_ONCE} times at the same moment, each on its own virtual thread. */
    private static List<Reply> atOnce(Callable<Reply> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> sent = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < AT_ONCE; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : sent) {
                replies.add(reply.get());
            }
            return replies;
        }
    }
}
