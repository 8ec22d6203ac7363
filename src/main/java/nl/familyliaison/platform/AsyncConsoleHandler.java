package nl.familyliaison.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * The console handler of the request log: a request only puts its record in a bounded queue; one writer thread
 * formats what has gathered and writes it to standard error (where the console handler writes) in one go, flushing
 * once per batch instead of once per line. When the queue is full — the console cannot keep up — a line is dropped
 * and counted rather than making requests wait for the console; the count is written with the next batch. The
 * request log is operational: the audit trail, not this log, is the durable record of access. {@link #flush()}
 * returns once everything published before it is written, so a graceful stop loses nothing.
 */
public final class AsyncConsoleHandler extends Handler {

    static final int CAPACITY = 8192;
    private static final long FLUSH_WAIT_SECONDS = 5;

    private final BlockingQueue<LogRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final PrintStream out;
    private final Thread writer;
    private volatile boolean closed;

    /** The handler as {@code logging.properties} names it. */
    public AsyncConsoleHandler() {
        this(CAPACITY, System.err);
    }

    AsyncConsoleHandler(int capacity, PrintStream out) {
        this.out = out;
        queue = new ArrayBlockingQueue<>(capacity);
        setFormatter(new SimpleFormatter());
        writer = Thread.ofPlatform().name("request-log-writer").daemon().start(this::writeUntilClosed);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        if (closed) {
            write(List.of(record));
        } else if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    /** Waits (a few seconds at most) until every record published so far is written. */
    @Override
    public void flush() {
        Written marker = new Written();
        try {
            if (queue.offer(marker, FLUSH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                marker.done.await(FLUSH_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then writes each later record at once. */
    @Override
    public void close() {
        flush();
        closed = true;
        writer.interrupt();
    }

    private void writeUntilClosed() {
        List<LogRecord> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            write(batch);
            batch.clear();
        }
    }

    private synchronized void write(List<LogRecord> batch) {
        StringBuilder text = new StringBuilder(batch.size() * 128);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            text.append(getFormatter().format(new LogRecord(Level.WARNING, lost + " request log line(s) dropped: "
                                                                           + "the console could not keep up")));
        }
        for (LogRecord record : batch) {
            if (!(record instanceof Written)) {
                text.append(getFormatter().format(record));
            }
        }
        out.print(text);
        out.flush();
        for (LogRecord record : batch) {
            if (record instanceof Written marker) {
                marker.done.countDown();
            }
        }
    }

    /** Not a line: marks the place in the queue up to which a flush waits. */
    private static final class Written extends LogRecord {
        private final transient CountDownLatch done = new CountDownLatch(1);

        Written() {
            super(Level.OFF, "");
        }
    }
}
