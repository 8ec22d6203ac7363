package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import nl.familyliaison.support.Problems;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests too large for the web server to read: an over-long request line gets 414, an over-large header block
 * 431, both as problem+json; and the client reads that answer (and a 413) even while it is still sending its body,
 * instead of a connection reset under it. A GET that carries a body it should not have is answered as well.
 */
class RequestLimitsTest {

    private static final int BODY_BYTES = 8 * 1024 * 1024;
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anOverlongRequestLineIs414() throws IOException {
        String answer = exchange("GET /api/phases?q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 0);
        assertProblem(answer, 414, "uri-too-long");
    }

    @Test
    void anOverlargeHeaderBlockIs431() throws IOException {
        String answer = exchange("GET /api/phases HTTP/1.1\r\nHost: localhost\r\n" + bigHeaders() + "\r\n", 0);
        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void the431IsReadableWhileTheClientKeepsSendingItsBody() throws IOException {
        String answer = exchange("POST /api/phases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                 + "Content-Length: " + BODY_BYTES + "\r\n" + bigHeaders() + "\r\n", BODY_BYTES);
        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void the414IsReadableWhileTheClientKeepsSendingItsBody() throws IOException {
        String answer = exchange("POST /api/phases?q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                                 + "Content-Type: application/json\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n",
                                 BODY_BYTES);
        assertProblem(answer, 414, "uri-too-long");
    }

    @Test
    void the413IsReadableWhileTheClientKeepsSendingItsBody() throws IOException {
        int tooLarge = 20 << 20; // over server.max-payload-size (12 MB)
        String answer = exchange("POST /api/phases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                 + "Content-Length: " + tooLarge + "\r\n\r\n", tooLarge);
        assertProblem(answer, 413, "payload-too-large");
    }

    @Test
    void aGetWithABodyIsAnswered() throws IOException {
        String small = "{\"unexpected\":true}";
        String answer = exchange("GET /api/phases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                 + "Content-Length: " + small.length() + "\r\n\r\n" + small, 0);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        for (String path : new String[] {"/api/phases", "/api/no-such-thing", "/observe/health/ready", "/"}) {
            answer = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (2 << 20)
                              + "\r\n\r\n", 2 << 20);
            assertTrue(answer.matches("(?s)HTTP/1.1 (200|204|404) .*"), answer);
        }
    }

    private static String bigHeaders() {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("y".repeat(1000)).append("\r\n");
        }
        return headers.toString();
    }

    private static void assertProblem(String answer, int status, String code) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"code\":\"" + code + "\""), answer);
        Problems.assertNoInternals(answer);
    }

    /**
     * Sends {@code head}, then {@code bodyBytes} of body, and only then reads the answer, as a browser uploading a
     * file does. If the server closes without reading the body, the connection is reset and the answer lost.
     */
    private static String exchange(String head, int bodyBytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.running().port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, bodyBytes - sent));
            }
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.write(buffer, 0, read);
            String text = answer.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd > 0 && complete(text, headEnd)) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String text, int headEnd) {
        String head = text.substring(0, headEnd).toLowerCase();
        int at = head.indexOf("content-length: ");
        if (at < 0) {
            return head.startsWith("http/1.1 204");
        }
        int length = Integer.parseInt(head.substring(at + 16).split("\r\n")[0].trim());
        return text.length() - headEnd - 4 >= length;
    }
}
