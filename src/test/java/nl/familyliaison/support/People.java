package nl.familyliaison.support;

import java.net.HttpCookie;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.signin.Totp;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Language;

/**
 * The people of a test: members and staff, created the way the service creates them, signing in the way a person
 * does (codes read from the mail GreenMail received, TOTP codes from the secret shown at enrolment).
 */
public final class People {

    public static final String STAFF_PASSWORD = "Lange zin met 4 woorden!";
    /** The subject of the sign-in code mail, in either language. */
    /** The sign-in code mail in any language whose subject holds the Dutch or English words (the scratch language). */
    public static final String CODE_SUBJECT = ".*(Uw inlogcode|Your sign-in code).*";

    private final TestService service;

    public People(TestService service) {
        this.service = service;
    }

    /** A member account (as an invitation to a case makes one), not signed in yet. */
    public Account member(String email) {
        Account account = new Account(Ids.newId(), Role.MEMBER, email, "Member " + email.split("@")[0],
                                      Account.Status.INVITED, new Language("nl"));
        service.running().features().accounts().insert(account, service.clock().instant());
        return account;
    }

    /** Signs a member in with the code from their mail. */
    public Api.Credentials signInMember(String email) {
        CodeRequest request = requestCode(email);
        return checkCode(request.challengeId(), request.awaitCode());
    }

    /** "Send me a code" for {@code email}. */
    public CodeRequest requestCode(String email) {
        int mailsBefore = Mailbox.to(email, CODE_SUBJECT).size();
        Reply requested = service.api().post("/api/sign-in/code-requests", "{\"email\":\"" + email + "\"}");
        if (requested.status() != 202) {
            throw new AssertionError("code request: " + requested);
        }
        return new CodeRequest(email, requested.json().path("challengeId").asText(), mailsBefore, requested);
    }

    /** A started member sign-in. */
    public record CodeRequest(String email, String challengeId, int mailsBefore, Reply reply) {
        /** The code from the mail this request caused. */
        public String awaitCode() {
            return Mailbox.code(Mailbox.awaitNew(email, CODE_SUBJECT, mailsBefore), 8);
        }
    }

    public Api.Credentials checkCode(String challengeId, String code) {
        Reply checked = service.api().post("/api/sign-in/code-checks",
                                           "{\"challengeId\":\"" + challengeId + "\",\"code\":\"" + code + "\"}");
        if (checked.status() != 200) {
            throw new AssertionError("code check: " + checked);
        }
        return credentials(checked);
    }

    /** The credentials a sign-in answer gives: the cookie's token and the body's CSRF token. */
    public static Api.Credentials credentials(Reply signedIn) {
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("__Host-fl-session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + signedIn.headers()));
        List<HttpCookie> parsed = HttpCookie.parse(cookie);
        return new Api.Credentials(parsed.getFirst().getValue(), signedIn.json().path("csrfToken").asText());
    }

    /** An enrolled, active staff member with a password and an authenticator secret. */
    public Staff staff(Role role, String email) {
        StaffAccounts.Invited invited = service.running().features().staffAccounts()
                .create(email, "Staff " + email.split("@")[0], role, new Language("nl"));
        Api api = service.api();
        Reply setup = api.post("/api/staff-enrolments/password",
                               "{\"token\":\"" + invited.enrolmentToken() + "\",\"password\":\"" + STAFF_PASSWORD
                               + "\"}");
        if (setup.status() != 200) {
            throw new AssertionError("enrolment: " + setup);
        }
        byte[] secret = new org.apache.commons.codec.binary.Base32().decode(setup.json().path("secret").asText());
        Reply confirmed = api.post("/api/staff-enrolments/confirmation",
                                   "{\"token\":\"" + invited.enrolmentToken() + "\",\"code\":\""
                                   + Totp.codeAt(secret, service.clock().instant()) + "\"}");
        if (confirmed.status() != 200) {
            throw new AssertionError("enrolment confirmation: " + confirmed);
        }
        return new Staff(invited.account(), secret);
    }

    /** Signs a staff member in; moves the clock to the next TOTP step first so no code is ever reused. */
    public Api.Credentials signInStaff(Staff staff) {
        service.clock().advance(Duration.ofSeconds(30));
        Reply reply = service.api().post("/api/sign-in/staff", staffSignIn(staff.account().email(), STAFF_PASSWORD,
                                                                           staff.codeNow(service.clock())));
        if (reply.status() != 200) {
            throw new AssertionError("staff sign-in: " + reply);
        }
        return credentials(reply);
    }

    public static String staffSignIn(String email, String password, String code) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"code\":\"" + code + "\"}";
    }

    /** A staff member and their authenticator secret. */
    public record Staff(Account account, byte[] secret) {
        public String codeNow(java.time.Clock clock) {
            return Totp.codeAt(secret, clock.instant());
        }
    }

    /** The signed-in person as the service reports them. */
    public static JsonNode whoAmI(Api api) {
        return api.get("/api/session").json();
    }
}
