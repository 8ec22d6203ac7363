package nl.familyliaison.passkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adding, renaming and removing a passkey append their event in the write's own transaction: when MariaDB refuses
 * the event, the passkey is as it was.
 */
class PasskeyEventsInTheWriteTest {

    static final int PORT = Ports.free();
    static final String ORIGIN = "http://localhost:" + PORT;
    private static final String OF_ACCOUNT = "SELECT COUNT(*) FROM passkey p JOIN account a ON a.id = p.account_id"
                                             + " WHERE a.email = ?";

    @RegisterExtension
    static final TestService service = TestService.perClass(
            builder -> builder.onLocalhost(PORT));

    @Test
    void aPasskeyWhoseEventCannotBeStoredIsNotAdded() throws SQLException {
        String email = "pk-tx-add@example.org";
        Api member = member(email);
        SoftAuthenticator phone = new SoftAuthenticator(ORIGIN);
        Reply refused = Sql.refusingEvent(service, "passkey.add",
                                          () -> PasskeyApiTest.add(member.unchecked(), phone, "Telefoon"));
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(0, Sql.count(service, OF_ACCOUNT, email), "no passkey without its event");

        assertEquals(201, PasskeyApiTest.add(member, new SoftAuthenticator(ORIGIN), "Telefoon").status());
        assertEquals(1, Sql.count(service, OF_ACCOUNT, email));
    }

    @Test
    void aRemovalOrRenamingWhoseEventCannotBeStoredLeavesThePasskeyAsItWas() throws SQLException {
        String email = "pk-tx-remove@example.org";
        Api member = member(email);
        String id = PasskeyApiTest.add(member, new SoftAuthenticator(ORIGIN), "Telefoon").json().path("id").asText();

        Reply removal = Sql.refusingEvent(service, "passkey.remove",
                                          () -> member.unchecked().delete("/api/passkeys/" + id));
        assertTrue(removal.status() >= 500, removal::toString);
        Reply renaming = Sql.refusingEvent(service, "passkey.rename", () -> member.unchecked().send(
                "PATCH", "/api/passkeys/" + id, "application/json", "{\"name\":\"Werk\"}".getBytes()));
        assertTrue(renaming.status() >= 500, renaming::toString);

        assertEquals(1, Sql.count(service, OF_ACCOUNT + " AND p.name = 'Telefoon'", email), "still there, same name");
    }

    private static Api member(String email) {
        service.people().member(email);
        return service.api().as(service.people().signInMember(email));
    }
}
