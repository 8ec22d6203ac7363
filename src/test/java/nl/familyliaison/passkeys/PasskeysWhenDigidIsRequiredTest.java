package nl.familyliaison.passkeys;

import static nl.familyliaison.passkeys.PasskeyApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code oidc.members.required} (DigiD required for members), members neither add nor use passkeys — not even
 * one added before the setting was switched on — while staff still do.
 */
class PasskeysWhenDigidIsRequiredTest {

    static final int PORT = Ports.free();
    static final String ORIGIN = "http://localhost:" + PORT;

    @RegisterExtension
    static final TestService service = TestService.perClass(
            builder -> builder.onLocalhost(PORT)
                    .set("oidc.members.issuer", "http://127.0.0.1:9/digid").set("oidc.members.required", "true"));

    @Test
    void aMemberCannotAddAPasskey() {
        String email = "pk-digid@example.org";
        service.people().member(email);
        Api member = service.api().as(service.people().signInMember(email));
        // The emailed code's session only links DigiD (and a DigiD session is refused passkeys as members are).
        assertProblem(member.post("/api/passkeys/registration-options", "{}"), 403, "sign-in-link-needed");
        assertProblem(member.get("/api/passkeys"), 403, "sign-in-link-needed");
    }

    @Test
    void aMembersPasskeyFromBeforeNoLongerSignsInButStaffStillDo() {
        String email = "pk-digid-before@example.org";
        SoftAuthenticator phone;
        int port = Ports.free();
        try (TestService before = TestService.builder().set("db.url", service.setting("db.url"))
                .onLocalhost(port)
                .start()) {
            before.people().member(email);
            Api member = before.api().as(before.people().signInMember(email));
            phone = new SoftAuthenticator("http://localhost:" + port);
            assertEquals(201, PasskeyApiTest.add(member, phone, "Telefoon").status());
        }
        phone.origin = ORIGIN;
        JsonNode options = service.api().post("/api/sign-in/passkey-options", "{}").json();
        assertProblem(service.api().post("/api/sign-in/passkey", phone.signIn(options)), 403, "passkey-not-allowed");

        People.Staff staff = service.people().staff(Role.INVESTIGATOR, "pk-digid-staff@inspectie.example");
        Api signedIn = service.api().as(service.people().signInStaff(staff));
        SoftAuthenticator key = new SoftAuthenticator(ORIGIN);
        assertTrue(signedIn.get("/api/passkeys").json().path("mayAdd").asBoolean());
        assertEquals(201, PasskeyApiTest.add(signedIn, key, null).status());
        Reply viaPasskey = service.api().post("/api/sign-in/passkey",
                                              key.signIn(service.api().post("/api/sign-in/passkey-options", "{}")
                                                                 .json()));
        assertEquals(200, viaPasskey.status(), viaPasskey.toString());
    }
}
