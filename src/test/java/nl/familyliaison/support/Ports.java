package nl.familyliaison.support;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for servers a test starts at a fixed place (so it can stop and start them again). */
public final class Ports {

    private Ports() {
    }

    /** A TCP port nothing listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
