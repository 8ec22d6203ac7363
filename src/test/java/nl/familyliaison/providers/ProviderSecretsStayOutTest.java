package nl.familyliaison.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.OidcSignIns;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * After DigiD linking and sign-in, a refused sign-in and staff single sign-on (with the authenticator code), no table
 * of the database (every column of every row) and no log line holds a subject, an ID or access token, a code, a state,
 * a nonce or a PKCE verifier.
 */
class ProviderSecretsStayOutTest {

    @Test
    void noSubjectTokenCodeStateNonceOrVerifierIsStoredOrLogged() throws Exception {
        OurLogs logs = new OurLogs();
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(logs);
        root.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>();
        try (IdentityProvider provider = IdentityProvider.start();
             TestService service = provider.configure(TestService.builder()).start()) {
            OidcSignIns signIns = new OidcSignIns(service);
            service.people().member("secret-digid@example.org");
            Api.Credentials code = service.people().signInMember("secret-digid@example.org");
            String subject = "999993653";
            secrets.add(subject);
            for (String purpose : List.of("link", "sign-in")) {
                Reply reply = flow(provider, signIns, secrets, "digid", purpose, purpose.equals("link") ? code : null,
                                   subject, Map.of("acr", IdentityProvider.SUBSTANTIAL));
                assertEquals(200, reply.status(), reply::toString);
            }
            Reply refused = flow(provider, signIns, secrets, "digid", "sign-in", null, "999990111",
                                 Map.of("acr", IdentityProvider.MIDDLE));
            assertEquals(401, refused.status(), refused::toString);
            secrets.add("999990111");

            People.Staff staff = service.people().staff(Role.INVESTIGATOR, "secret-sso@inspectie.example");
            secrets.add("staff-subject-secret");
            Reply asked = flow(provider, signIns, secrets, "staff", "sign-in", null, "staff-subject-secret",
                               Map.of("email", "secret-sso@inspectie.example"));
            assertEquals(202, asked.status(), asked::toString);
            secrets.add(asked.json().path("pendingId").asText());
            service.clock().advance(Duration.ofSeconds(30));
            secrets.addAll(provider.tokenRequests().stream().flatMap(body -> values(body).stream()).toList());
            assertTrue(secrets.size() > 20, "the secrets were collected: " + secrets.size());

            service.running().features().sealer().sealPending();
            List<String> rows = everyRow(service);
            for (String secret : secrets) {
                assertFalse(logs.formatted().contains(secret), () -> "in the log: " + secret);
                for (String row : rows) {
                    assertFalse(row.contains(secret), () -> "in the database: " + row);
                }
            }
            assertTrue(rows.stream().anyMatch(row -> row.startsWith("account_identity:")), "a link was stored");
            assertTrue(rows.stream().anyMatch(row -> row.startsWith("oidc_request:")), "requests were stored");
        } finally {
            root.removeHandler(logs);
            root.setLevel(before);
        }
        assertFalse(logs.formatted().isEmpty(), "the logs were captured");
    }

    /**
     * One sign-in whose tokens the test knows (real ones, signed by the provider, handed out for the service's token
     * request): start, the provider's redirect, the return. Adds code, state, nonce and both tokens to
     * {@code secrets}.
     */
    private static Reply flow(IdentityProvider provider, OidcSignIns signIns, List<String> secrets, String issuer,
                              String purpose, Api.Credentials as, String subject, Map<String, Object> claims) {
        OidcSignIns.Started started = signIns.start(issuer, purpose, as);
        String nonce = IdentityProvider.query(URI.create(started.authorizationUrl())).get("nonce");
        IdentityProvider.Returned returned = IdentityProvider.authorize(started.authorizationUrl());
        Map<String, Object> withNonce = new java.util.HashMap<>(claims);
        withNonce.put("nonce", nonce);
        String idToken = provider.idToken(issuer, subject, withNonce);
        String accessToken = "access-" + java.util.UUID.randomUUID();
        provider.answerNextTokenRequestWith(idToken, accessToken);
        secrets.addAll(List.of(nonce, returned.code(), returned.state(), started.binding(), idToken, accessToken,
                               idToken.substring(idToken.lastIndexOf('.') + 1)));
        Reply back = signIns.service().api().unchecked().get(ProviderService.RETURN_PATH + "?"
                                                              + returned.location().getRawQuery());
        assertEquals(303, back.status(), "the browser's way back passes the service's request log");
        return signIns.finish(started, returned, as);
    }

    /** The values of a form body (the token request: code, code_verifier, redirect_uri …) that are secrets. */
    private static List<String> values(String body) {
        List<String> found = new ArrayList<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && List.of("code", "code_verifier").contains(parts[0])) {
                found.add(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        assertTrue(found.size() >= 2 || body.isEmpty(), () -> "code and verifier in " + body);
        return found;
    }

    /**
     * The service's log lines; the test's identity provider (its web server and its own libraries) logs what it
     * receives, which is the provider's side, not ours.
     */
    private static final class OurLogs extends java.util.logging.Handler {
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.logging.SimpleFormatter formatter = new java.util.logging.SimpleFormatter();

        @Override
        public void publish(java.util.logging.LogRecord record) {
            String logger = String.valueOf(record.getLoggerName());
            if (!logger.startsWith("mockwebserver") && !logger.startsWith("okhttp")
                && !logger.startsWith("no.nav.security") && !logger.startsWith("com.icegreen")) {
                lines.add(formatter.format(record));
            }
        }

        String formatted() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A column as text, and binary columns also as Latin-1 text and as hex (a secret stored raw would show). */
    private static String cell(ResultSet result, ResultSetMetaData meta, int column) throws java.sql.SQLException {
        int type = meta.getColumnType(column);
        boolean binary = type == java.sql.Types.BINARY || type == java.sql.Types.VARBINARY
                         || type == java.sql.Types.LONGVARBINARY || type == java.sql.Types.BLOB;
        if (!binary) {
            return String.valueOf(result.getString(column));
        }
        byte[] bytes = result.getBytes(column);
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1) + " hex="
                                    + HexFormat.of().formatHex(bytes);
    }

    /** Every row of every table, each column as text and (for bytes) as hex: "table: column=value …". */
    private static List<String> everyRow(TestService service) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM `" + table + "`")) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(' ').append(meta.getColumnName(i)).append('=').append(cell(result, meta, i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
