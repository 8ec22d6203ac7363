package nl.familyliaison.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** Collects a logger's records as the console would print them (message and stack trace), for tests to read. */
public final class LogRecords extends Handler {
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    /** Everything collected so far, one record after the other. */
    public synchronized String formatted() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
