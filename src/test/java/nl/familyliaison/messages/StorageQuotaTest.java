package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.upload;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploads fill per-account and per-case storage quotas; an upload that does not fit is refused and not stored. */
class StorageQuotaTest {

    static final int ACCOUNT_QUOTA = 100_000;
    static final int CASE_QUOTA = 150_000;

    @RegisterExtension
    static final TestService service = MessageCalls.unlimited(
            settings -> settings.set("messages.attachment-max-bytes", "65536")
                    .set("messages.account-quota-bytes", String.valueOf(ACCOUNT_QUOTA))
                    .set("messages.case-quota-bytes", String.valueOf(CASE_QUOTA)));

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void anAccountsUploadsStopAtItsQuotaAndTheRefusedOneIsNotStored() {
        Cast cast = CASES.cast("quota-account");
        Member anna = CASES.member(cast, "anna-quota");
        String caseId = cast.caseId();
        assertEquals(201, upload(anna.api(), caseId, "a.png", SampleFiles.png(60_000)).status());
        assertEquals(201, upload(anna.api(), caseId, "b.png", SampleFiles.png(30_000)).status());

        JsonNode refused = assertProblem(upload(anna.api(), caseId, "c.png", SampleFiles.png(20_000)), 413,
                                         "storage-quota-exceeded");
        assertTrue(refused.path("detail").asText().contains("You have sent the most files you can"),
                   refused.toString());
        assertEquals(2, uploadsOf(anna), "nothing of the refused upload is stored");

        // Exactly up to the quota still fits; one byte more does not, in any case of the account.
        assertEquals(201, upload(anna.api(), caseId, "d.png", SampleFiles.png(10_000)).status());
        assertProblem(upload(anna.api(), caseId, "e.png", SampleFiles.png(8)), 413, "storage-quota-exceeded");
        assertEquals(3, uploadsOf(anna));
    }

    @Test
    void aCasesUploadsTogetherStopAtTheCaseQuota() {
        Cast cast = CASES.cast("quota-case");
        Member anna = CASES.member(cast, "anna-case-quota");
        Member bram = CASES.member(cast, "bram-case-quota");
        Member cees = CASES.member(cast, "cees-case-quota");
        String caseId = cast.caseId();
        assertEquals(201, upload(anna.api(), caseId, "a.png", SampleFiles.png(60_000)).status());
        assertEquals(201, upload(bram.api(), caseId, "b.png", SampleFiles.png(60_000)).status());

        JsonNode refused = assertProblem(upload(cees.api(), caseId, "c.png", SampleFiles.png(40_000)), 413,
                                         "storage-quota-exceeded");
        assertTrue(refused.path("detail").asText().contains("no more room for files in this case"),
                   refused.toString());
        assertEquals(0, uploadsOf(cees), "within their own quota, but the case is full");
        assertEquals(2, TABLES.count("message_attachment", "investigation_id = ?", caseId));

        // Another case has room of its own.
        Cast other = CASES.cast("quota-case-other");
        Member dirk = CASES.member(other, "dirk-case-quota");
        assertEquals(201, upload(dirk.api(), other.caseId(), "d.png", SampleFiles.png(40_000)).status());
    }

    @Test
    void uploadsAtTheSameMomentCannotTogetherSqueezePastTheQuota() throws Exception {
        Cast cast = CASES.cast("quota-race");
        Member anna = CASES.member(cast, "anna-quota-race");
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService uploads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                String name = "race-" + i + ".png";
                answers.add(uploads.submit(() -> upload(anna.api(), cast.caseId(), name, SampleFiles.png(20_000))
                        .status()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertEquals(5, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 413).count(), statuses.toString());
        assertEquals(5, uploadsOf(anna));
    }

    @Test
    void quotasReadAsPeopleSayThem() {
        assertEquals("200 MB", Attachments.inWords(MessageSettings.DEFAULT_ACCOUNT_QUOTA_BYTES));
        assertEquals("2 GB", Attachments.inWords(MessageSettings.DEFAULT_CASE_QUOTA_BYTES));
        assertEquals("1.5 GB", Attachments.inWords(1536L * 1024 * 1024));
    }

    private static long uploadsOf(Member member) {
        return TABLES.count("message_attachment", "uploader_id = ?", member.account().id());
    }
}
