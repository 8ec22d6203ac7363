package nl.familyliaison.passkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.LogRecords;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A passkey's ceremonies leave no challenge in any table (only its keyed hash is stored) and nothing of the
 * browser's answers (client data, attestation, signature) in the log or the audit trail; ids are all that is seen.
 */
class PasskeySecretsStayOutTest {

    @Test
    void noChallengeOrAnswerReachesTheLogOrAnyTable() throws Exception {
        LogRecords log = new LogRecords();
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(log);
        root.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>();
        List<byte[]> rawChallenges = new ArrayList<>();
        int port = Ports.free();
        String origin = "http://localhost:" + port;
        try (TestService service = TestService.builder().onLocalhost(port).start()) {
            service.people().member("pk-secret@example.org");
            Api member = service.api().as(service.people().signInMember("pk-secret@example.org"));
            SoftAuthenticator phone = new SoftAuthenticator(origin);
            JsonNode creation = member.post("/api/passkeys/registration-options", "{}").json();
            String registration = phone.register(creation, "Telefoon");
            assertEquals(201, member.post("/api/passkeys", registration).status());
            keep(creation, secrets, rawChallenges);
            secrets.addAll(answerFields(registration, "clientDataJSON", "attestationObject"));

            JsonNode request = service.api().post("/api/sign-in/passkey-options", "{}").json();
            String assertion = phone.signIn(request);
            assertEquals(200, service.api().post("/api/sign-in/passkey", assertion).status());
            assertEquals(401, service.api().post("/api/sign-in/passkey", assertion).status());
            keep(request, secrets, rawChallenges);
            secrets.addAll(answerFields(assertion, "clientDataJSON", "signature"));

            for (String secret : secrets) {
                assertTrue(!log.formatted().contains(secret), "the log holds " + secret);
            }
            List<String> found = inTables(service, secrets, rawChallenges);
            assertEquals(List.of(), found);
        } finally {
            root.removeHandler(log);
            root.setLevel(before);
        }
    }

    private static void keep(JsonNode options, List<String> secrets, List<byte[]> raw) {
        String challenge = options.path("options").path("challenge").asText();
        secrets.add(challenge);
        raw.add(Base64.getUrlDecoder().decode(challenge));
    }

    private static List<String> answerFields(String body, String... names) throws Exception {
        JsonNode credential = new ObjectMapper().readTree(body).path("credential");
        List<String> values = new ArrayList<>();
        for (String name : names) {
            values.add(credential.path(name).asText());
        }
        return values;
    }

    /** Every column of every row of every table, as text and as bytes, searched for the secrets. */
    private static List<String> inTables(TestService service, List<String> secrets, List<byte[]> raw)
            throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                                                         + " WHERE table_schema = DATABASE()")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM `" + table + "`")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object column = rows.getObject(i);
                            if (column == null) {
                                continue;
                            }
                            byte[] value = column instanceof byte[] bytes ? bytes
                                    : String.valueOf(column).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            String text = new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
                            String hex = HexFormat.of().formatHex(value);
                            secrets.stream().filter(text::contains).forEach(s -> found.add(table + " holds " + s));
                            raw.stream().filter(bytes -> hex.contains(HexFormat.of().formatHex(bytes)))
                                    .forEach(bytes -> found.add(table + " holds a challenge"));
                        }
                    }
                }
            }
        }
        return found;
    }
}
