package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.download;
import static nl.familyliaison.messages.MessageCalls.page;
import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static nl.familyliaison.messages.MessageCalls.upload;
import static nl.familyliaison.messages.MessageCalls.uploaded;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Files sent with messages: recognised by their content, limited in size, sent once, fetched by those who read. */
class AttachmentsTest {

    static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static final TestService service = MessageCalls.unlimited(
            settings -> settings.set("messages.attachment-max-bytes", String.valueOf(LIMIT)));

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void theMemberSendsAPhotoAndTheInspectorGetsItBackAsItWas() {
        Cast cast = CASES.cast("photo");
        Member anna = CASES.member(cast, "anna-photo");
        byte[] photo = SampleFiles.png(5000);
        JsonNode stored = MessageCalls.created(upload(anna.api(), cast.caseId(), "brief%20van%20de%20gemeente.png",
                                                      photo, "Content-Type", "text/html"));
        assertEquals("brief van de gemeente.png", stored.path("name").asText());
        assertEquals("image/png", stored.path("type").asText(), "what the bytes say, not the Content-Type");
        assertEquals(5000, stored.path("size").asInt());

        String fileId = stored.path("id").asText();
        JsonNode sent = MessageCalls.created(anna.api().post(
                MessageCalls.threads(cast.caseId()), MessageCalls.json("text", "Zie de brief", "attachmentIds",
                                                                      List.of(fileId))));
        String threadId = sent.path("thread").path("id").asText();
        assertEquals(fileId, sent.path("message").path("attachments").get(0).path("id").asText());
        JsonNode seen = page(cast.inspectorApi(), cast.caseId(), threadId).path("messages").get(0);
        assertEquals(stored, seen.path("attachments").get(0));

        HttpResponse<byte[]> file = download(cast.inspectorApi(), cast.caseId(), fileId);
        assertEquals(200, file.statusCode());
        assertArrayEquals(photo, file.body());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"brief van de gemeente.png\";"
                     + " filename*=UTF-8''brief%20van%20de%20gemeente.png",
                     file.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-store", file.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void aRenamedProgramIsRefusedAndNothingIsStored() {
        Cast cast = CASES.cast("program");
        Member bram = CASES.member(cast, "bram-program");
        long before = TABLES.count("message_attachment");
        Reply refused = upload(bram.api(), cast.caseId(), "rapport.pdf", SampleFiles.program(),
                               "Content-Type", "application/pdf");
        assertProblem(refused, 415, "unsupported-media-type");
        assertEquals(before, TABLES.count("message_attachment"));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsStored() {
        Cast cast = CASES.cast("large");
        Member carla = CASES.member(cast, "carla-large");
        long before = TABLES.count("message_attachment");
        assertProblem(upload(carla.api(), cast.caseId(), "groot.png", SampleFiles.png(LIMIT + 1)), 413,
                      "payload-too-large");
        assertEquals(before, TABLES.count("message_attachment"));
        assertEquals(LIMIT, MessageCalls.created(upload(carla.api(), cast.caseId(), "precies.png",
                                                        SampleFiles.png(LIMIT))).path("size").asInt());
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsStored() {
        Cast cast = CASES.cast("empty");
        Member dirk = CASES.member(cast, "dirk-empty");
        long before = TABLES.count("message_attachment");
        assertProblem(upload(dirk.api(), cast.caseId(), "leeg.pdf", new byte[0]), 400, "bad-request");
        assertEquals(before, TABLES.count("message_attachment"));
    }

    @Test
    void aNameCannotReachOutsideItsFolderOrPassForAnotherType() {
        Cast cast = CASES.cast("names");
        Member eva = CASES.member(cast, "eva-names");
        JsonNode stored = MessageCalls.created(upload(eva.api(), cast.caseId(), "../../pagina.html",
                                                      SampleFiles.jpeg()));
        assertEquals("pagina.html.jpg", stored.path("name").asText());
        assertEquals("image/jpeg", stored.path("type").asText());
    }

    @Test
    void onlyTheUploaderSendsAFileOnlyOnceAndOnlyInItsOwnCase() {
        Cast cast = CASES.cast("once");
        Member fleur = CASES.member(cast, "fleur-once");
        String threadId = startThread(fleur.api(), cast.caseId(), "Ik stuur zo een brief").path("thread").path("id")
                .asText();
        String fileId = uploaded(fleur.api(), cast.caseId(), "brief.pdf", SampleFiles.pdf("brief"));
        long messages = TABLES.count("message");

        assertRefused(cast.inspectorApi().post(MessageCalls.messages(cast.caseId(), threadId),
                                               MessageCalls.json("text", "Van mij?", "attachmentIds",
                                                                 List.of(fileId))));
        Cast elsewhere = CASES.cast("once-other");
        String otherCaseThread = startThread(elsewhere.inspectorApi(), elsewhere.caseId(), "Hallo",
                                             CASES.join(elsewhere, fleur.account().email()))
                .path("thread").path("id").asText();
        assertRefused(fleur.api().post(MessageCalls.messages(elsewhere.caseId(), otherCaseThread),
                                       MessageCalls.json("text", "Hier?", "attachmentIds",
                                                         List.of(fileId))));
        assertEquals(messages + 1, TABLES.count("message"), "only the other case's first message");

        post(fleur.api(), cast.caseId(), threadId, "Hier is de brief", fileId);
        assertRefused(fleur.api().post(MessageCalls.messages(cast.caseId(), threadId),
                                       MessageCalls.json("text", "Nog een keer", "attachmentIds",
                                                         List.of(fileId))));
        assertEquals(messages + 2, TABLES.count("message"));
    }

    @Test
    void aFileNotSentYetIsOnlyForItsUploader() {
        Cast cast = CASES.cast("waiting");
        Member gijs = CASES.member(cast, "gijs-waiting");
        String fileId = uploaded(gijs.api(), cast.caseId(), "concept.pdf", SampleFiles.pdf("concept"));
        assertEquals(200, download(gijs.api(), cast.caseId(), fileId).statusCode());
        assertEquals(404, download(cast.inspectorApi(), cast.caseId(), fileId).statusCode());
    }

    private static void assertRefused(Reply reply) {
        JsonNode problem = assertProblem(reply, 400, "invalid-input");
        assertEquals("attachmentIds[0]", problem.path("errors").get(0).path("field").asText());
    }
}
