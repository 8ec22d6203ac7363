package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** Request log lines leave through a queue: every one is written by a flush, and a full queue never blocks. */
class AsyncConsoleHandlerTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(written, true, StandardCharsets.UTF_8);

    @Test
    void everyLinePublishedBeforeAStopIsWritten() {
        AsyncConsoleHandler handler = new AsyncConsoleHandler(AsyncConsoleHandler.CAPACITY, out);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + "\n";
            }
        });
        for (int i = 0; i < 5_000; i++) {
            handler.publish(record("request=" + i + " method=GET"));
        }
        handler.close();
        String text = text();
        for (int i = 0; i < 5_000; i++) {
            assertTrue(text.contains("request=" + i + " method=GET"), "line " + i + " is missing");
        }
        assertEquals(5_000, text.lines().count());
    }

    @Test
    void theLineCarriesTheRecordsMessageAsIs() {
        AsyncConsoleHandler handler = new AsyncConsoleHandler(AsyncConsoleHandler.CAPACITY, out);
        LogRecord record = record("request=abc method=GET route=/api/phases status=200 duration_ms=0.120");
        handler.publish(record);
        handler.flush();
        assertTrue(text().contains("request=abc method=GET route=/api/phases status=200 duration_ms=0.120"),
                   text());
        handler.close();
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        AsyncConsoleHandler handler = new AsyncConsoleHandler(1, out);
        synchronized (handler) {
            // The writer cannot write while this holds its lock: the queue fills and later lines are dropped.
            for (int i = 0; i < 100; i++) {
                handler.publish(record("request=" + i));
            }
        }
        handler.close();
        assertTrue(text().contains("request log line(s) dropped"), text());
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("nl.familyliaison.requests");
        record.setSourceClassName(RequestLog.class.getName());
        record.setSourceMethodName("filter");
        return record;
    }

    private String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
