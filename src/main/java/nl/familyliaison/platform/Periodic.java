package nl.familyliaison.platform;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one round of background work now and then every {@code interval} on a virtual thread, until closed. A failed
 * round is logged (its kind only: the message may hold data) and the next one comes as planned.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    private final String name;
    private final Duration interval;
    private final Runnable round;
    private volatile boolean running;
    private Thread thread;

    public Periodic(String name, Duration interval, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public void start() {
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                round.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A " + name + " round failed; trying again later: "
                                       + e.getClass().getSimpleName());
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
