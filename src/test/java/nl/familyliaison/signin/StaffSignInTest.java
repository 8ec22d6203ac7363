package nl.familyliaison.signin;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.platform.Language;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import nl.familyliaison.access.Role;

/** Staff enrol by invitation and sign in with a password and a TOTP code; any wrong factor gets one answer. */
class StaffSignInTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void theInvitationMailCarriesAnEnrolmentLinkThatWorksOnce() {
        StaffAccounts.Invited invited = service.running().features().staffAccounts()
                .create("link@inspectie.example", "Link Test", Role.INVESTIGATOR, new Language("en"));
        Mailbox.Received mail = Mailbox.await("link@inspectie.example", "Your Family contact account");
        assertTrue(mail.text().contains("#enrol=" + invited.enrolmentToken()), mail.text());
        String body = "{\"token\":\"" + invited.enrolmentToken() + "\",\"password\":\"" + People.STAFF_PASSWORD + "\"}";
        JsonNode setup = service.api().post("/api/staff-enrolments/password", body).json();
        assertTrue(setup.path("otpauthUri").asText().startsWith("otpauth://totp/"));
        byte[] secret = new org.apache.commons.codec.binary.Base32().decode(setup.path("secret").asText());
        String confirm = "{\"token\":\"" + invited.enrolmentToken() + "\",\"code\":\""
                         + Totp.codeAt(secret, service.clock().instant()) + "\"}";
        assertEquals(200, service.api().post("/api/staff-enrolments/confirmation", confirm).status());
        assertProblem(service.api().post("/api/staff-enrolments/password", body), 404, "not-found");
    }

    @Test
    void bothFactorsAreNeeded() {
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "both@inspectie.example");
        service.clock().advance(Duration.ofSeconds(30));
        String email = staff.account().email();
        assertProblem(signIn(email, "Wrong but long password", staff.codeNow(service.clock())), 401, "sign-in-failed");
        assertProblem(signIn(email, People.STAFF_PASSWORD, wrongCode(staff)), 401, "sign-in-failed");
        assertProblem(signIn("nobody@inspectie.example", People.STAFF_PASSWORD, staff.codeNow(service.clock())), 401,
                      "sign-in-failed");
        Reply ok = signIn(email, People.STAFF_PASSWORD, staff.codeNow(service.clock()));
        assertEquals(200, ok.status(), ok::toString);
        assertEquals("FAMILY_INSPECTOR", ok.json().path("role").asText());
    }

    @Test
    void aReplayedCodeIsRefused() {
        People.Staff staff = service.people().staff(Role.INVESTIGATOR, "replay@inspectie.example");
        service.clock().advance(Duration.ofSeconds(30));
        String code = staff.codeNow(service.clock());
        assertEquals(200, signIn(staff.account().email(), People.STAFF_PASSWORD, code).status());
        // Still refused; with the right password it says why, so the person waits for the next code.
        assertProblem(signIn(staff.account().email(), People.STAFF_PASSWORD, code), 401, "sign-in-code-used");
        service.clock().advance(Duration.ofSeconds(30));
        assertEquals(200, signIn(staff.account().email(), People.STAFF_PASSWORD,
                                 staff.codeNow(service.clock())).status());
    }

    @Test
    void allFailuresLookAlike() {
        People.Staff staff = service.people().staff(Role.INVESTIGATOR, "alike@inspectie.example");
        service.clock().advance(Duration.ofSeconds(30));
        Reply wrongPassword = signIn(staff.account().email(), "Wrong but long password",
                                     staff.codeNow(service.clock()));
        Reply wrongCode = signIn(staff.account().email(), People.STAFF_PASSWORD, wrongCode(staff));
        Reply unknown = signIn("unknown@inspectie.example", People.STAFF_PASSWORD, staff.codeNow(service.clock()));
        assertEquals(wrongPassword.json().path("detail"), wrongCode.json().path("detail"));
        assertEquals(wrongPassword.json().path("detail"), unknown.json().path("detail"));
    }

    @Test
    void anObviousPasswordIsRefusedAtEnrolment() {
        StaffAccounts.Invited invited = service.running().features().staffAccounts()
                .create("weak@inspectie.example", "Weak Password", Role.INVESTIGATOR, new Language("nl"));
        for (String weak : new String[] {"short", "aaaaaaaaaaaaaa", "abcdefghijklmnop", "password1234",
                                         "weak@inspectie.example!!", "Family Liaison 2026"}) {
            String body = "{\"token\":\"" + invited.enrolmentToken() + "\",\"password\":\"" + weak + "\"}";
            assertProblem(service.api().post("/api/staff-enrolments/password", body), 400, "invalid-input");
        }
    }

    @Test
    void aCommonOrLeakedPasswordIsRefusedAtEnrolmentWithAReasonInTheirLanguage() {
        StaffAccounts.Invited invited = service.running().features().staffAccounts()
                .create("leaked@inspectie.example", "Leaked Password", Role.INVESTIGATOR, new Language("nl"));
        for (String leaked : new String[] {"Welkom2024!!", "Password123456", "qwertyuiop12"}) {
            String body = "{\"token\":\"" + invited.enrolmentToken() + "\",\"password\":\"" + leaked + "\"}";
            Reply dutch = service.api().post("/api/staff-enrolments/password", body, "Accept-Language", "nl");
            assertProblem(dutch, 400, "invalid-input");
            assertTrue(dutch.json().path("errors").get(0).path("message").asText()
                               .startsWith("Dit wachtwoord is te makkelijk te raden"), dutch::toString);
            Reply english = service.api().post("/api/staff-enrolments/password", body, "Accept-Language", "en");
            assertTrue(english.json().path("detail").asText().startsWith("This password is too easy to guess"),
                       english::toString);
        }
        String strong = "{\"token\":\"" + invited.enrolmentToken() + "\",\"password\":\"" + People.STAFF_PASSWORD
                        + "\"}";
        assertEquals(200, service.api().post("/api/staff-enrolments/password", strong).status());
    }

    @Test
    void aStaffMemberCannotSignInWithAMemberCode() {
        service.people().staff(Role.FAMILY_INSPECTOR, "nocode@inspectie.example");
        People.CodeRequest request = service.people().requestCode("nocode@inspectie.example");
        service.clock().advance(Duration.ofSeconds(1));
        assertTrue(Mailbox.newest("nocode@inspectie.example", "Uw inlogcode|Your sign-in code").isEmpty());
        assertProblem(service.api().post("/api/sign-in/code-checks",
                                         MemberSignInTest.check(request.challengeId(), "12345678")),
                      401, "sign-in-failed");
    }

    private static Reply signIn(String email, String password, String code) {
        return service.api().post("/api/sign-in/staff", People.staffSignIn(email, password, code));
    }

    private static String wrongCode(People.Staff staff) {
        int code = Integer.parseInt(staff.codeNow(service.clock()));
        return String.format("%06d", (code + 1) % 1_000_000);
    }
}
