package nl.familyliaison.platform;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind gets a clear problem+json answer with the right status and nothing of the inside.
 * Two fixture routes (a JSON echo and a handler that fails) exercise the shared error mapping.
 */
class ErrorAnswersTest {

    private static final long BODY_LIMIT = 4096;
    private static TestService service;
    private static Api api;

    record Greeting(String name, int count) {
    }

    @BeforeAll
    static void start() {
        service = TestService.builder()
                .set("server.max-payload-size", String.valueOf(BODY_LIMIT))
                .routes(routes -> routes
                        .post("/api/fixture/echo", ApiRoutes.PUBLIC,
                              (req, res) -> res.send(Json.read(req, Greeting.class)))
                        .get("/api/fixture/crash", ApiRoutes.PUBLIC, (req, res) -> {
                            throw new IllegalStateException("SELECT secret FROM internals");
                        }))
                .start();
        api = service.api().unchecked();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void wellFormedJsonIsAccepted() {
        Reply reply = api.post("/api/fixture/echo", "{\"name\":\"Sam\",\"count\":2}");
        assertEquals(200, reply.status());
        assertEquals("Sam", reply.json().path("name").asText());
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(api.post("/api/fixture/echo", "{\"name\": \"Sam\", "), 400, "bad-request");
        assertProblem(api.post("/api/fixture/echo", "{\"name\":\"Sam\",\"count\":2} trailing"), 400, "bad-request");
        assertProblem(api.post("/api/fixture/echo", ""), 400, "bad-request");
        assertProblem(api.post("/api/fixture/echo", "null"), 400, "bad-request");
    }

    @Test
    void brokenUtf8IsABadRequest() {
        byte[] broken = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Reply reply = api.send("POST", "/api/fixture/echo", "application/json", broken);
        assertEquals(400, reply.status());
        assertProblem(reply, 400, reply.json().path("code").asText());
    }

    @Test
    void aWrongTypeNamesTheField() {
        JsonNode problem = assertProblem(api.post("/api/fixture/echo", "{\"name\":5,\"count\":2}"), 400,
                                         "invalid-input");
        assertEquals("name", problem.path("errors").path(0).path("field").asText());
        problem = assertProblem(api.post("/api/fixture/echo", "{\"name\":\"Sam\",\"count\":\"two\"}"), 400,
                                "invalid-input");
        assertEquals("count", problem.path("errors").path(0).path("field").asText());
        // Found by the bad-input campaign: a fraction was quietly cut to a whole number.
        problem = assertProblem(api.post("/api/fixture/echo", "{\"name\":\"Sam\",\"count\":1.5}"), 400,
                                "invalid-input");
        assertEquals("count", problem.path("errors").path(0).path("field").asText());
    }

    @Test
    void anUnknownFieldIsRefused() {
        JsonNode problem = assertProblem(api.post("/api/fixture/echo", "{\"name\":\"Sam\",\"count\":1,\"admin\":true}"),
                                         400, "invalid-input");
        assertEquals("admin", problem.path("errors").path(0).path("field").asText());
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        Reply reply = api.send("POST", "/api/fixture/echo", "text/plain",
                               "{\"name\":\"Sam\",\"count\":2}".getBytes(StandardCharsets.UTF_8));
        assertProblem(reply, 415, "unsupported-media-type");
        assertProblem(api.send("POST", "/api/fixture/echo", null, "{}".getBytes(StandardCharsets.UTF_8)),
                      415, "unsupported-media-type");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws IOException {
        String answer = rawRequest("POST /api/fixture/echo HTTP/1.1\r\nHost: localhost\r\n"
                                   + "Content-Type: application/json\r\nContent-Length: " + (BODY_LIMIT * 10)
                                   + "\r\n\r\n{\"name\":");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"code\":\"payload-too-large\""), answer);
        nl.familyliaison.support.Problems.assertNoInternals(answer);
    }

    @Test
    void anOversizedChunkedBodyIsRefused() throws IOException {
        String chunk = "x".repeat((int) BODY_LIMIT + 10);
        String answer = rawRequest("POST /api/fixture/echo HTTP/1.1\r\nHost: localhost\r\n"
                                   + "Origin: http://localhost\r\nX-CSRF-Token: x\r\n"
                                   + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"code\":\"payload-too-large\""), answer);
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertProblem(api.get("/api/no-such-thing"), 404, "not-found");
        assertProblem(api.get("/api/phases/extra/bits"), 404, "not-found");
    }

    @Test
    void aWrongMethodIsNotAllowedAndSaysWhichAre() {
        Reply reply = api.send("DELETE", "/api/phases", null, null);
        assertProblem(reply, 405, "method-not-allowed");
        assertEquals("GET", reply.header("Allow"));
        assertProblem(api.get("/api/fixture/echo"), 405, "method-not-allowed");
    }

    @Test
    void anUnexpectedFailureSaysNothingOfTheInside() {
        Reply reply = api.get("/api/fixture/crash");
        JsonNode problem = assertProblem(reply, 500, "internal-error");
        assertTrue(problem.path("detail").asText().contains(reply.header("X-Request-Id")),
                   "the detail gives the request id to quote");
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.running().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16384];
            StringBuilder answer = new StringBuilder();
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    break;
                }
            }
            return answer.toString();
        }
    }
}
