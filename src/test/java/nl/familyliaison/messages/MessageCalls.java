package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.platform.Json;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Contract;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;

/** The message routes as a client calls them, checked against the contract like every other call. */
final class MessageCalls {

    /** The subject of the new-message mail, in either language. */
    static final String NEW_MESSAGE_MAIL = "Er is iets nieuws voor u|There is something new for you";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MessageCalls() {
    }

    /** A service whose per-account post and upload limits never get in a test's way (they are tested apart). */
    static TestService unlimited(UnaryOperator<TestService.Builder> more) {
        return TestService.perClass(settings -> more.apply(
                settings.set("rate-limits.message-post-account.capacity", "100000")
                        .set("rate-limits.upload-account.capacity", "100000")));
    }

    static String threads(String caseId) {
        return "/api/cases/" + caseId + "/threads";
    }

    static String messages(String caseId, String threadId) {
        return threads(caseId) + "/" + threadId + "/messages";
    }

    static String attachments(String caseId) {
        return "/api/cases/" + caseId + "/attachments";
    }

    /** A JSON body from name, value pairs; lists stay lists. */
    static String json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a thread; a family inspector names the memberships that take part. */
    static JsonNode startThread(Api api, String caseId, String text, String... memberIds) {
        String body = memberIds.length == 0 ? json("text", text) : json("text", text, "memberIds", List.of(memberIds));
        return created(api.post(threads(caseId), body));
    }

    static JsonNode post(Api api, String caseId, String threadId, String text, String... attachmentIds) {
        String body = attachmentIds.length == 0 ? json("text", text)
                : json("text", text, "attachmentIds", List.of(attachmentIds));
        return created(api.post(messages(caseId, threadId), body));
    }

    static JsonNode page(Api api, String caseId, String threadId) {
        return ok(api.get(messages(caseId, threadId)));
    }

    static JsonNode threadList(Api api, String caseId) {
        return ok(api.get(threads(caseId))).path("threads");
    }

    static void markRead(Api api, String caseId, String threadId) {
        Reply reply = api.post(threads(caseId) + "/" + threadId + "/read", "{}");
        assertEquals(204, reply.status(), reply::toString);
    }

    static Reply upload(Api api, String caseId, String name, byte[] content, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-File-Name";
        all[headers.length + 1] = name;
        return api.send("POST", attachments(caseId), "application/octet-stream", content, all);
    }

    static String uploaded(Api api, String caseId, String name, byte[] content) {
        return created(upload(api, caseId, name, content)).path("id").asText();
    }

    /** A download as bytes, with its headers; problem answers are checked against the contract too. */
    static HttpResponse<byte[]> download(Api api, String caseId, String attachmentId) {
        String path = attachments(caseId) + "/" + attachmentId;
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve(path))
                .header("Cookie", "__Host-fl-session=" + api.credentials().sessionToken())
                .GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            // A file's bytes as Latin-1 text: one character per byte, nothing lost, for the binary string schema.
            String body = new String(response.body(), response.statusCode() >= 400 ? StandardCharsets.UTF_8
                                                                                   : StandardCharsets.ISO_8859_1);
            List<String> violations = Contract.violations("GET", path, response.statusCode(),
                                                          response.headers().map(), body);
            assertTrue(violations.isEmpty(), () -> "GET " + path + " does not fit openapi.yaml: " + violations);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    static JsonNode ok(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
