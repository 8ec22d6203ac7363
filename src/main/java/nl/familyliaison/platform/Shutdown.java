package nl.familyliaison.platform;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;

/**
 * Stops the service in order on SIGTERM or Ctrl-C: first the web server (no new requests, running ones finish), then
 * the pool, then an embedded database. Handling the signal ourselves, before the JVM's own shutdown begins, keeps
 * logging alive while we stop; a shutdown hook remains as the fallback for any other way the JVM ends.
 */
public final class Shutdown {

    private static final Logger LOG = Logger.getLogger(Shutdown.class.getName());

    private Shutdown() {
    }

    public static void onSignals(Runnable stop) {
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable once = () -> {
            if (stopped.compareAndSet(false, true)) {
                stop.run();
            }
        };
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    once.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Cannot handle SIG" + name + "; relying on the shutdown hook");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(once, "family-liaison-shutdown"));
    }
}
