package nl.familyliaison.support;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** One in-process SMTP server (GreenMail) for the whole test JVM; tests read what the service really sent. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-smtp-stop"));
        }
        return server;
    }

    /** A separate SMTP server on {@code port}, for tests that stop and start it (outages). */
    public static GreenMail ownServer(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** Every message received so far, oldest first. */
    public static List<MimeMessage> received() {
        return List.of(server().getReceivedMessages());
    }
}
