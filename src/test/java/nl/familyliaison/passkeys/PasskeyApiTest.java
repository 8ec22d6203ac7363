package nl.familyliaison.passkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passkeys over the API, answered by a software authenticator: what is refused (replayed or expired challenges,
 * another session's challenge, no user verification, a counter that goes back, a changed backup-eligible flag,
 * someone else's passkey, bad names) and that a passkey alone signs a member or a staff member in.
 */
class PasskeyApiTest {

    static final int PORT = Ports.free();
    static final String ORIGIN = "http://localhost:" + PORT;

    @RegisterExtension
    static final TestService service = TestService.perClass(
            builder -> builder.onLocalhost(PORT));

    @Test
    void aMemberAddsAPasskeyAndThenSignsInWithItAlone() throws SQLException {
        Api member = member("pk-alone@example.org");
        SoftAuthenticator phone = new SoftAuthenticator(ORIGIN);
        Reply added = add(member, phone, "  Mijn telefoon  ");
        assertEquals(201, added.status(), added.toString());
        assertEquals("Mijn telefoon", added.json().path("name").asText());
        JsonNode listed = member.get("/api/passkeys").json();
        assertEquals(1, listed.path("passkeys").size());
        assertTrue(listed.path("mayAdd").asBoolean());

        Reply signedIn = signIn(phone);
        assertEquals(200, signedIn.status(), signedIn.toString());
        Api again = service.api().as(People.credentials(signedIn));
        assertEquals("MEMBER", People.whoAmI(again).path("role").asText());
        assertTrue(again.get("/api/passkeys").json().path("passkeys").path(0).has("lastUsedAt"));
        assertEquals(1, audited("passkey.add", added.json().path("id").asText()));
        assertTrue(Sql.count(service, "SELECT COUNT(*) FROM audit_event WHERE action = 'sign-in.passkey'"
                                      + " AND outcome = 'SUCCEEDED'") >= 1);
    }

    @Test
    void aStaffMemberSignsInWithAPasskeyInsteadOfPasswordAndApp() {
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "pk-staff@inspectie.example");
        Api signedIn = service.api().as(service.people().signInStaff(staff));
        SoftAuthenticator key = new SoftAuthenticator(ORIGIN);
        assertEquals(201, add(signedIn, key, null).status());
        Reply viaPasskey = signIn(key);
        assertEquals(200, viaPasskey.status(), viaPasskey.toString());
        assertEquals("FAMILY_INSPECTOR", viaPasskey.json().path("role").asText());
    }

    @Test
    void aSignInChallengeWorksOnceAndForFiveMinutes() {
        SoftAuthenticator phone = memberWithPasskey("pk-replay@example.org");
        String answer = phone.signIn(options());
        assertEquals(200, service.api().post("/api/sign-in/passkey", answer).status());
        assertProblem(service.api().post("/api/sign-in/passkey", answer), 401, "sign-in-failed");

        String late = phone.signIn(options());
        service.clock().advance(Duration.ofMinutes(6));
        assertProblem(service.api().post("/api/sign-in/passkey", late), 401, "sign-in-failed");
    }

    @Test
    void aRegistrationChallengeWorksOnceAndOnlyInItsOwnSession() {
        String email = "pk-session@example.org";
        Api first = member(email);
        Api second = member(email);
        SoftAuthenticator phone = new SoftAuthenticator(ORIGIN);
        String body = phone.register(first.post("/api/passkeys/registration-options", "{}").json(), "Telefoon");
        assertProblem(second.post("/api/passkeys", body), 400, "invalid-input");
        assertProblem(first.post("/api/passkeys", body), 400, "invalid-input");
        assertEquals(0, first.get("/api/passkeys").json().path("passkeys").size());
    }

    @Test
    void withoutUserVerificationNoPasskeyIsAddedAndNobodySignsIn() {
        Api member = member("pk-uv@example.org");
        SoftAuthenticator unverified = new SoftAuthenticator(ORIGIN);
        unverified.userVerified = false;
        assertProblem(add(member, unverified, "Telefoon"), 400, "invalid-input");

        SoftAuthenticator phone = memberWithPasskey("pk-uv2@example.org");
        phone.userVerified = false;
        assertProblem(signIn(phone), 401, "sign-in-failed");
    }

    @Test
    void aCounterThatGoesBackMarksThePasskeyUnusableUntilItIsRemoved() throws SQLException {
        Api member = member("pk-clone@example.org");
        SoftAuthenticator phone = new SoftAuthenticator(ORIGIN);
        phone.counter = 5;
        String id = add(member, phone, "Telefoon").json().path("id").asText();
        assertEquals(200, signIn(phone).status());
        phone.counter = 2; // a copy of the key with an older counter
        assertProblem(signIn(phone), 401, "passkey-unusable");
        assertEquals(1, audited("passkey.cloned", id));
        JsonNode listed = member.get("/api/passkeys").json().path("passkeys").path(0);
        assertFalse(listed.path("usable").asBoolean());
        phone.counter = 100; // the original, later: still refused until removed
        assertProblem(signIn(phone), 401, "passkey-unusable");
        assertEquals(204, member.delete("/api/passkeys/" + id).status());
        assertProblem(signIn(phone), 401, "sign-in-failed");
    }

    @Test
    void anAnswerFromAnotherSiteOrForAnotherRelyingPartyIsRefused() {
        Api member = member("pk-origin@example.org");
        assertProblem(add(member, new SoftAuthenticator("http://localhost.evil.example"), "Telefoon"), 400,
                      "invalid-input");
        SoftAuthenticator otherParty = new SoftAuthenticator(ORIGIN);
        otherParty.rpId = "evil.example";
        assertProblem(add(member, otherParty, "Telefoon"), 400, "invalid-input");

        SoftAuthenticator phone = memberWithPasskey("pk-origin2@example.org");
        phone.origin = "https://evil.example";
        assertProblem(signIn(phone), 401, "sign-in-failed");
        phone.origin = ORIGIN;
        phone.rpId = "evil.example";
        assertProblem(signIn(phone), 401, "sign-in-failed");
        phone.rpId = null;
        assertEquals(200, signIn(phone).status());
    }

    @Test
    void theBackupEligibleFlagMayNotChangeAfterRegistration() {
        SoftAuthenticator phone = memberWithPasskey("pk-backup@example.org");
        phone.backupEligible = true;
        assertProblem(signIn(phone), 401, "sign-in-failed");
    }

    @Test
    void someoneElsesPasskeyIsNotFoundAndStaysAsItWas() {
        Api owner = member("pk-owner@example.org");
        String id = add(owner, new SoftAuthenticator(ORIGIN), "Van mij").json().path("id").asText();
        Api other = member("pk-other@example.org");
        assertProblem(rename(other, id, "Van mij nu"), 404, "not-found");
        assertProblem(other.delete("/api/passkeys/" + id), 404, "not-found");
        assertProblem(other.delete("/api/passkeys/not-an-id"), 404, "not-found");
        assertEquals("Van mij", owner.get("/api/passkeys").json().path("passkeys").path(0).path("name").asText());
    }

    @Test
    void aNameIsTrimmedAndOneToSixtyCharacters() {
        Api member = member("pk-names@example.org");
        String id = add(member, new SoftAuthenticator(ORIGIN), null).json().path("id").asText();
        assertFalse(member.get("/api/passkeys").json().path("passkeys").path(0).path("name").asText().isBlank(),
                    "without a name it is named after the device");
        assertProblem(rename(member, id, "   "), 400, "invalid-input");
        assertProblem(rename(member, id, "x".repeat(61)), 400, "invalid-input");
        assertProblem(add(member, new SoftAuthenticator(ORIGIN), ""), 400, "invalid-input");
        Reply renamed = rename(member, id, " Telefoon thuis ");
        assertEquals("Telefoon thuis", renamed.json().path("name").asText());
        assertEquals(1, member.get("/api/passkeys").json().path("passkeys").size());
    }

    @Test
    void aDisabledAccountDoesNotSignInWithItsPasskey() {
        String email = "pk-disabled@example.org";
        SoftAuthenticator phone = memberWithPasskey(email);
        String accountId = service.running().features().accounts().byEmail(email).orElseThrow().id();
        service.running().features().accounts().updateStatus(accountId,
                                                             nl.familyliaison.access.Account.Status.DISABLED,
                                                             service.clock().instant());
        assertProblem(signIn(phone), 401, "sign-in-failed");
    }

    /** A new member, signed in with the code from their mail. */
    static Api member(String email) {
        if (service.running().features().accounts().byEmail(email).isEmpty()) {
            service.people().member(email);
        }
        return service.api().as(service.people().signInMember(email));
    }

    private static SoftAuthenticator memberWithPasskey(String email) {
        Api member = member(email);
        SoftAuthenticator phone = new SoftAuthenticator(ORIGIN);
        assertEquals(201, add(member, phone, "Telefoon").status());
        return phone;
    }

    static Reply add(Api api, SoftAuthenticator authenticator, String name) {
        JsonNode options = api.post("/api/passkeys/registration-options", "{}").json();
        return api.post("/api/passkeys", authenticator.register(options, name));
    }

    private static JsonNode options() {
        return service.api().post("/api/sign-in/passkey-options", "{}").json();
    }

    private static Reply signIn(SoftAuthenticator authenticator) {
        return service.api().post("/api/sign-in/passkey", authenticator.signIn(options()));
    }

    private static Reply rename(Api api, String id, String name) {
        return api.send("PATCH", "/api/passkeys/" + id, "application/json",
                        ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static long audited(String action, String objectId) throws SQLException {
        return Sql.count(service, "SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?", action,
                         objectId);
    }

    static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.json().path("code").asText(), reply.toString());
    }
}
