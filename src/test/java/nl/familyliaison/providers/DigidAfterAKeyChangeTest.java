package nl.familyliaison.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.OidcSignIns;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestDatabase;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member's DigiD is stored only as a keyed hash, so a new active key must not cut them off: the link made under
 * the old key still signs them in, and is hashed again under the new key then (so the old key can be retired).
 */
class DigidAfterAKeyChangeTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.start();

    private static final String NEW_KEY = "bmV3LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc=";

    @Test
    void aDigidLinkedUnderTheOldKeyStillSignsInAndIsHashedAgainUnderTheNewOne() throws SQLException {
        String database = TestDatabase.newDatabase();
        String accountId;
        try (TestService before = PROVIDER.configure(TestService.builder().set("db.url", database)).start()) {
            before.people().member("key-change@example.org");
            Api.Credentials code = before.people().signInMember("key-change@example.org");
            PROVIDER.nextDigid("900000777");
            Reply linked = new OidcSignIns(before).signIn("digid", "link", code);
            assertEquals(200, linked.status(), linked::toString);
            accountId = linked.json().path("accountId").asText();
        }
        try (TestService after = PROVIDER.configure(TestService.builder().set("db.url", database)
                .set("crypto.keys", "test-1:" + TestService.TEST_KEY + ",test-2:" + NEW_KEY)
                .set("crypto.active-key", "test-2")).start()) {
            PROVIDER.nextDigid("900000777");
            Reply signedIn = new OidcSignIns(after).signIn("digid", "sign-in", null);
            assertEquals(200, signedIn.status(), signedIn::toString);
            assertEquals(accountId, signedIn.json().path("accountId").asText());
            assertEquals(1, Sql.count(after, "SELECT COUNT(*) FROM account_identity WHERE account_id = ?"
                                             + " AND key_id = 'test-2/hkdf'", accountId));

            PROVIDER.nextDigid("900000777");
            assertEquals(accountId, new OidcSignIns(after).signIn("digid", "sign-in", null).json()
                    .path("accountId").asText());
        }
    }
}
