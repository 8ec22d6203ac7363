package nl.familyliaison.passkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Ports;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A passkey does not outlive what it stood for: a new enrolment link for a staff member (a lost phone) forgets their
 * passkeys with password and app, and a member's removal erases theirs with the rest of their data.
 */
class PasskeysForgottenTest {

    static final int PORT = Ports.free();
    static final String ORIGIN = "http://localhost:" + PORT;

    @RegisterExtension
    static final TestService service = TestService.perClass(
            builder -> builder.onLocalhost(PORT));

    @Test
    void aNewEnrolmentLinkForgetsTheStaffMembersPasskeys() throws SQLException {
        People.Staff staff = service.people().staff(Role.FAMILY_INSPECTOR, "pk-lost-phone@inspectie.example");
        Api signedIn = service.api().as(service.people().signInStaff(staff));
        SoftAuthenticator lostPhone = new SoftAuthenticator(ORIGIN);
        assertEquals(201, PasskeyApiTest.add(signedIn, lostPhone, "Oude telefoon").status());
        assertEquals(200, signIn(lostPhone).status());

        Admins admins = Admins.create(service, "pk-reset");
        assertEquals(200, admins.askingApi().post("/api/staff/" + staff.account().id() + "/enrolment-link", "{}")
                .status());

        PasskeyApiTest.assertProblem(signIn(lostPhone), 401, "sign-in-failed");
        assertEquals(0, passkeysOf(staff.account().id()));
    }

    @Test
    void aRemovedMembersPasskeysAreErased() throws SQLException {
        CaseFiles files = new CaseFiles(service);
        CaseFiles.OpenCase open = files.open("pk-removal-fi@inspectie.example", "PK-REM-1");
        String email = "pk-removed@example.org";
        files.invite(open, email, "PARTNER");
        Api member = service.api().as(service.people().signInMember(email));
        SoftAuthenticator phone = new SoftAuthenticator(ORIGIN);
        assertEquals(201, PasskeyApiTest.add(member, phone, "Telefoon").status());
        String accountId = service.running().features().accounts().byEmail(email).orElseThrow().id();

        String request = member.post("/api/removal-requests", "{}").json().path("id").asText();
        assertEquals(200, open.inspectorApi().post("/api/removal-requests/" + request + "/confirmation", "{}")
                .status());

        assertEquals(0, passkeysOf(accountId));
        assertEquals(0, Sql.count(service, "SELECT COUNT(*) FROM passkey_user WHERE account_id = ?", accountId));
        PasskeyApiTest.assertProblem(signIn(phone), 401, "sign-in-failed");
    }

    private static long passkeysOf(String accountId) throws SQLException {
        return Sql.count(service, "SELECT COUNT(*) FROM passkey WHERE account_id = ?", accountId);
    }

    private static nl.familyliaison.support.Reply signIn(SoftAuthenticator authenticator) {
        return service.api().post("/api/sign-in/passkey",
                                  authenticator.signIn(service.api().post("/api/sign-in/passkey-options", "{}")
                                                               .json()));
    }
}
