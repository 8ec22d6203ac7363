package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One log line per request: id, method, route template, status, duration; no query, no personal data. */
class RequestLogTest {

    private static final Logger REQUESTS = Logger.getLogger("nl.familyliaison.requests");
    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LINES.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static TestService service;

    @BeforeAll
    static void start() {
        REQUESTS.addHandler(CAPTURE);
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
        REQUESTS.removeHandler(CAPTURE);
    }

    @Test
    void eachRequestLeavesOneLineWithoutItsQuery() throws InterruptedException {
        Reply reply = service.api().get("/api/phases?lang=en&email=jan.jansen@example.org");
        String id = reply.header("X-Request-Id");
        List<String> lines = awaitLines(id);
        assertEquals(1, lines.size(), LINES::toString);
        String line = lines.getFirst();
        assertTrue(line.matches("request=" + id + " method=GET route=/api/phases status=200 duration_ms=[0-9.]+"),
                   line);
        assertFalse(line.contains("jan.jansen"));
        assertFalse(line.contains("lang="));
    }

    @Test
    void errorsAreLoggedWithTheirStatus() throws InterruptedException {
        Reply reply = service.api().unchecked().get("/api/nothing-here");
        List<String> lines = awaitLines(reply.header("X-Request-Id"));
        assertTrue(lines.getFirst().contains("status=404"), lines::toString);
    }

    private static List<String> awaitLines(String id) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<String> lines = LINES.stream().filter(line -> line.contains("request=" + id)).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(20);
        }
        return List.of();
    }
}
