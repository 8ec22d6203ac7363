package nl.familyliaison.signin;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.Language;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Getting staff in and keeping them in: the QR code of enrolment, the first sign-in right after it, and what an
 * administrator does with an account (disable, enable, a new enrolment link).
 */
class StaffOnboardingTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final String NEW_LINK = "Een nieuwe link voor uw account bij Familiecontact";
    private static final Pattern LINK = Pattern.compile("#enrol=([A-Za-z0-9_-]{43})");

    @Test
    void theQrCodeIsServedOnlyForAnOpenEnrolmentAndNeverCached() {
        String token = service.running().features().staffAccounts()
                .create("qr@inspectie.example", "Qr Test", Role.INVESTIGATOR, new Language("nl")).enrolmentToken();
        String body = "{\"token\":\"" + token + "\"}";
        assertProblem(service.api().post("/api/staff-enrolments/qr-code", body), 409, "conflict");
        JsonNode setup = choosePassword(token);
        Reply qr = service.api().post("/api/staff-enrolments/qr-code", body);
        assertEquals(200, qr.status(), qr::toString);
        assertTrue(qr.contentType().startsWith("image/svg+xml"), qr.contentType());
        assertEquals("no-store", qr.header("Cache-Control"));
        assertTrue(qr.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && qr.body().contains("<path d=\"M"),
                   qr.body());
        assertTrue(!qr.body().contains(setup.path("secret").asText()), "the secret is drawn, not written");
        confirm(token, secret(setup));
        assertProblem(service.api().post("/api/staff-enrolments/qr-code", body), 404, "not-found");
        assertProblem(service.api().post("/api/staff-enrolments/qr-code", "{\"token\":\"" + "A".repeat(43) + "\"}"),
                      404, "not-found");
    }

    @Test
    void signingInWithTheCodeOfEnrolmentSaysToWaitForTheNextCode() {
        String token = service.running().features().staffAccounts()
                .create("next-code@inspectie.example", "Next Code", Role.FAMILY_INSPECTOR, new Language("nl"))
                .enrolmentToken();
        byte[] secret = secret(choosePassword(token));
        String code = Totp.codeAt(secret, service.clock().instant());
        Reply enrolled = confirm(token, secret);
        assertEquals("FAMILY_INSPECTOR", enrolled.json().path("role").asText(), "enrolment signs the person in");
        Reply again = signIn("next-code@inspectie.example", People.STAFF_PASSWORD, code);
        assertProblem(again, 401, "sign-in-code-used");
        // No hint for someone without the password: the same code with a wrong password is the usual answer.
        assertProblem(signIn("next-code@inspectie.example", "Not the password at all", code), 401, "sign-in-failed");
        service.clock().advance(Duration.ofSeconds(30));
        java.time.Instant signedInAt = service.clock().instant();
        assertEquals(200, signIn("next-code@inspectie.example", People.STAFF_PASSWORD,
                                 Totp.codeAt(secret, signedInAt)).status());
        JsonNode listed = staffListed(adminApi(), "next-code@inspectie.example");
        assertEquals(signedInAt, java.time.Instant.parse(listed.path("lastSignInAt").asText()));
    }

    @Test
    void aNewEnrolmentLinkResetsPasswordAndAppAndEndsSessions() {
        Api admin = adminApi();
        People.Staff staff = service.people().staff(Role.INVESTIGATOR, "reset@inspectie.example");
        Api staffApi = service.api().as(service.people().signInStaff(staff));
        int mailsBefore = Mailbox.to("reset@inspectie.example", NEW_LINK).size();
        Reply reset = admin.post("/api/staff/" + staff.account().id() + "/enrolment-link", "{}");
        assertEquals(200, reset.status(), reset::toString);
        assertEquals("INVITED", reset.json().path("status").asText());
        assertProblem(staffApi.get("/api/session"), 401, "sign-in-required");
        service.clock().advance(Duration.ofSeconds(30));
        assertProblem(signIn("reset@inspectie.example", People.STAFF_PASSWORD, staff.codeNow(service.clock())), 401,
                      "sign-in-failed");
        String first = tokenOf(Mailbox.awaitNew("reset@inspectie.example", NEW_LINK, mailsBefore).text());
        assertEquals(200, admin.post("/api/staff/" + staff.account().id() + "/enrolment-link", "{}").status());
        String second = tokenOf(Mailbox.awaitNew("reset@inspectie.example", NEW_LINK, mailsBefore + 1).text());
        assertNotEquals(first, second);
        assertProblem(service.api().post("/api/staff-enrolments/password", passwordBody(first)), 404, "not-found");
        byte[] secret = secret(choosePassword(second));
        assertNotEquals(new Base32().encodeToString(staff.secret()), new Base32().encodeToString(secret));
        confirm(second, secret);
        assertEquals("ACTIVE", staffListed(admin, "reset@inspectie.example").path("status").asText());
    }

    @Test
    void enablingADisabledAccountTakesASecondAdministratorAndGivesBackWhatItHad() {
        Admins admins = Admins.create(service, "enable");
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "again@inspectie.example");
        String id = staff.account().id();
        assertProblem(admins.askingApi().post("/api/staff/" + id + "/enable", "{}"), 409, "conflict");
        assertEquals("DISABLED", admins.askingApi().post("/api/staff/" + id + "/disable", "{}").json()
                .path("status").asText());
        assertProblem(admins.askingApi().post("/api/staff/" + id + "/enrolment-link", "{}"), 409, "conflict");
        Reply asked = admins.askingApi().post("/api/staff/" + id + "/enable", "{}");
        assertEquals(202, asked.status(), asked::toString);
        assertEquals("STAFF_ENABLE", asked.json().path("kind").asText());
        assertEquals(id, asked.json().path("staffEnable").path("accountId").asText());
        assertProblem(admins.askingApi().post("/api/staff/" + id + "/enable", "{}"), 409, "conflict");
        assertProblem(admins.askingApi().post("/api/approval-requests/" + asked.json().path("id").asText()
                                              + "/approval", "{}"), 403, "forbidden");
        service.clock().advance(Duration.ofSeconds(30));
        assertProblem(signIn(staff.account().email(), People.STAFF_PASSWORD, staff.codeNow(service.clock())), 401,
                      "sign-in-failed");
        admins.approve(asked);
        assertEquals("ACTIVE", staffListed(admins.askingApi(), "again@inspectie.example").path("status").asText());
        assertEquals(200, service.api().as(service.people().signInStaff(staff)).get("/api/session").status());
    }

    @Test
    void anAdministratorCannotResetOrEnableTheirOwnAccount() {
        People.Staff self = service.people().staff(Role.ADMIN, "self-admin@inspectie.example");
        Api api = service.api().as(service.people().signInStaff(self));
        assertProblem(api.post("/api/staff/" + self.account().id() + "/enrolment-link", "{}"), 409, "conflict");
        assertProblem(api.post("/api/staff/" + self.account().id() + "/enable", "{}"), 409, "conflict");
        assertEquals(200, api.get("/api/session").status(), "still signed in, nothing reset");
    }

    private static Api adminApi() {
        People.Staff admin = service.people().staff(Role.ADMIN, "onboard-" + System.nanoTime() + "@inspectie.example");
        return service.api().as(service.people().signInStaff(admin));
    }

    private static JsonNode staffListed(Api admin, String email) {
        for (JsonNode person : admin.get("/api/staff").json().path("staff")) {
            if (person.path("email").asText().equals(email)) {
                return person;
            }
        }
        throw new AssertionError(email + " is not listed");
    }

    private static JsonNode choosePassword(String token) {
        Reply setup = service.api().post("/api/staff-enrolments/password", passwordBody(token));
        assertEquals(200, setup.status(), setup::toString);
        return setup.json();
    }

    private static String passwordBody(String token) {
        return "{\"token\":\"" + token + "\",\"password\":\"" + People.STAFF_PASSWORD + "\"}";
    }

    private static Reply confirm(String token, byte[] secret) {
        Reply confirmed = service.api().post("/api/staff-enrolments/confirmation", "{\"token\":\"" + token
                + "\",\"code\":\"" + Totp.codeAt(secret, service.clock().instant()) + "\"}");
        assertEquals(200, confirmed.status(), confirmed::toString);
        return confirmed;
    }

    private static byte[] secret(JsonNode setup) {
        return new Base32().decode(setup.path("secret").asText());
    }

    private static Reply signIn(String email, String password, String code) {
        return service.api().post("/api/sign-in/staff", People.staffSignIn(email, password, code));
    }

    private static String tokenOf(String text) {
        Matcher found = LINK.matcher(text);
        assertTrue(found.find(), text);
        return found.group(1);
    }
}
