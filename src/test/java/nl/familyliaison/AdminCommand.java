package nl.familyliaison;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.familyliaison.support.TestService;

/**
 * The installation command {@code create-admin} as the README runs it ({@code Commands}, the entry behind
 * {@code exec:exec -Dcli=...}), against the database of a running test service, for tests in other packages.
 */
public final class AdminCommand {

    private static final List<String> SHARED = List.of("db.url", "db.user", "db.password", "data.dir", "crypto.keys",
                                                       "mail.smtp.host", "mail.smtp.port", "mail.smtp.transport");

    private AdminCommand() {
    }

    /**
     * Runs {@code create-admin <email> <name>} with the service's database and keys, and the service's own port as
     * {@code server.port} (no {@code http.public-url}: the printed link must follow the port); answers what it printed.
     */
    public static String createAdmin(TestService service, String email, String name) {
        Map<String, String> settings = new HashMap<>();
        SHARED.forEach(key -> {
            if (service.setting(key) != null) {
                settings.put(key, service.setting(key));
            }
        });
        settings.put("server.port", String.valueOf(service.running().port()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Commands.run(Commands.words(new String[] {"create-admin", email, name}),
                                TestService.config(settings), service.clock(),
                                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            throw new AssertionError("create-admin exited with " + code + ": " + printed);
        }
        return printed;
    }
}
