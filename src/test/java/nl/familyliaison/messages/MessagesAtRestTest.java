package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.page;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.messages.MessageCalls.uploaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What people write and send is stored encrypted: read with JDBC, no column gives any of it away. */
class MessagesAtRestTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    private static final String TEXT = "Mijn broer Pieter had die avond al twee keer gebeld";
    private static final String FILE_TEXT = "Verslag van het gesprek met de wijkagent";
    private static final String FILE_NAME = "aangifte Pieter.pdf";

    @Test
    void bodiesFilesTheirNamesAndStoredAnswersHoldNoPlainText() {
        Cast cast = CASES.cast("rest");
        Member anna = CASES.member(cast, "anna-rest");
        String fileId = uploaded(anna.api(), cast.caseId(), FILE_NAME, SampleFiles.pdf(FILE_TEXT));
        String threadId = MessageCalls.created(anna.api().post(
                MessageCalls.threads(cast.caseId()),
                MessageCalls.json("text", TEXT, "attachmentIds", List.of(fileId)),
                "Idempotency-Key", "rest-1")).path("thread").path("id").asText();

        assertNothingReadable(TABLES.bytes("message", "body"), TEXT);
        assertNothingReadable(TABLES.bytes("message_attachment", "content"), FILE_TEXT, "%PDF");
        assertNothingReadable(TABLES.bytes("message_attachment", "file_name"), FILE_NAME, "Pieter");
        assertNothingReadable(TABLES.bytes("idempotency_key", "response_body"), TEXT, "Pieter");
        assertEquals(0, TABLES.count("message", "body_key_id <> ?", "test-1/hkdf"), "the key is named on every row");

        assertEquals(TEXT, page(cast.inspectorApi(), cast.caseId(), threadId).path("messages").get(0).path("text")
                .asText(), "and the service reads it back");
    }

    @Test
    void aThreadHasNoSubjectThatCouldGiveItAway() {
        Cast cast = CASES.cast("subject");
        Member bram = CASES.member(cast, "bram-subject");
        startThread(bram.api(), cast.caseId(), TEXT);
        assertEquals(0, TABLES.count("information_schema.columns",
                                     "table_schema = DATABASE() AND table_name = 'message_thread'"
                                     + " AND column_name IN ('subject', 'title')"));
    }

    private static void assertNothingReadable(List<byte[]> values, String... secrets) {
        assertFalse(values.isEmpty(), "there is something stored to look at");
        for (byte[] value : values) {
            String asLatin1 = new String(value, StandardCharsets.ISO_8859_1);
            String asUtf8 = new String(value, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(asLatin1.contains(secret) || asUtf8.contains(secret), "stored in clear: " + secret);
            }
        }
    }
}
