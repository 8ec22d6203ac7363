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

    private final Thread thread;
    private volatile boolean running;

    public Periodic(String name, Duration interval, Runnable round) {
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> loop(name, interval, round));
    }

    public void start() {
        running = true;
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private void loop(String name, Duration interval, Runnable round) {
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
