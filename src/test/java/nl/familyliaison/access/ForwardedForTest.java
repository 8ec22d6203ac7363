package nl.familyliaison.access;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever a client writes into X-Forwarded-For, a failed sign-in is answered as one (401) and audited with an IP:
 * the one the trusted proxies report, or the connection's own when the header cannot be trusted.
 */
class ForwardedForTest {

    /** The test client's address: the trusted proxy itself. */
    private static final String PEER = "127.0.0.1";

    @RegisterExtension
    static final TestService service = TestService.perClass(builder -> builder
            .set("http.trusted-proxies", "127.0.0.1, ::1, 10.0.0.0/8"));

    @Test
    void aTenKilobyteHeaderOfAddressesIsReadFromTheRight() throws Exception {
        String header = "192.0.2.200, ".repeat(768) + "198.51.100.20";
        assertEquals(10_000, header.length(), 400);
        assertFailedAndAuditedFrom("198.51.100.20", "X-Forwarded-For", header);
    }

    @Test
    void aTenKilobyteHeaderOfGarbageFallsBackToThePeer() throws Exception {
        assertFailedAndAuditedFrom(PEER, "X-Forwarded-For", "x".repeat(10_000));
    }

    @Test
    void garbageFallsBackToThePeer() throws Exception {
        for (String garbage : new String[] {"not-an-ip", "203.0.113.5:8080", "[2001:db8::1]", "203.0.113.5, evil",
                                            "999.1.1.1", "0x7f.1", "localhost", ",", "2001:db8::zz", "01.2.3.4"}) {
            assertFailedAndAuditedFrom(PEER, "X-Forwarded-For", garbage);
        }
    }

    @Test
    void severalHeaderLinesAreOneListReadFromTheRight() throws Exception {
        assertFailedAndAuditedFrom("203.0.113.9", "X-Forwarded-For", "192.0.2.1, 203.0.113.9",
                                   "X-Forwarded-For", "10.1.2.3");
        assertFailedAndAuditedFrom("2001:db8:0:0:0:0:0:7", "X-Forwarded-For", "2001:db8::7",
                                   "X-Forwarded-For", "10.1.2.3, 10.9.9.9");
    }

    private static void assertFailedAndAuditedFrom(String ip, String... headers) throws Exception {
        Reply reply = service.api().post("/api/sign-in/staff",
                                         People.staffSignIn("nobody@inspectie.example", "Not the password", "123456"),
                                         headers);
        assertProblem(reply, 401, "sign-in-failed");
        assertEquals(List.of("sign-in.staff " + ip), audited(reply.header("X-Request-Id")), reply::toString);
    }

    private static List<String> audited(String requestId) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT action, ip FROM audit_event WHERE request_id = ?")) {
            statement.setString(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return events;
    }
}
