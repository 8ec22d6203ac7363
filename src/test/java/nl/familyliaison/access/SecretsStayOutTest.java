package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import nl.familyliaison.platform.Language;
import nl.familyliaison.signin.MemberSignInTest;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import nl.familyliaison.signin.Passwords;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.signin.Totp;

/**
 * Passwords, codes, tokens and session secrets never reach a log line or an audit event, whatever happens:
 * sign-ins that work and fail, enrolment, sign-out.
 */
class SecretsStayOutTest {

    @Test
    void noSecretReachesTheLogsOrTheAuditTrail() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = capture(lines);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>();
        try (TestService service = TestService.start()) {
            People people = new People(service);
            people.member("secret-member@example.org");
            People.CodeRequest request = people.requestCode("secret-member@example.org");
            String code = request.awaitCode();
            secrets.add(code);
            service.api().post("/api/sign-in/code-checks", MemberSignInTest.check(request.challengeId(),
                                                                                    "99999999"));
            Api.Credentials member = people.checkCode(request.challengeId(), code);
            secrets.add(member.sessionToken());
            secrets.add(member.csrfToken());

            StaffAccounts.Invited invited = service.running().features().staffAccounts()
                    .create("secret-staff@inspectie.example", "Secret Staff", Role.FAMILY_INSPECTOR, new Language("nl"));
            secrets.add(invited.enrolmentToken());
            People.Staff staff = people.staff(Role.INVESTIGATOR, "secret-inv@inspectie.example");
            secrets.add(People.STAFF_PASSWORD);
            secrets.add(Totp.base32(staff.secret()));
            service.api().post("/api/sign-in/staff", People.staffSignIn(staff.account().email(),
                                                                        "A wrong password here", "123456"));
            secrets.add("A wrong password here");
            Api.Credentials staffSession = people.signInStaff(staff);
            secrets.add(staffSession.sessionToken());
            secrets.add(staffSession.csrfToken());
            Reply out = service.api().as(member).delete("/api/session");
            assertEquals(204, out.status());

            service.running().features().sealer().sealPending();
            List<String> auditRows = auditRows(service);
            assertTrue(auditRows.size() >= 5, "sign-ins were audited: " + auditRows);
            for (String secret : secrets) {
                for (String line : lines) {
                    assertFalse(line.contains(secret), () -> "a secret in the log: " + line);
                }
                for (String row : auditRows) {
                    assertFalse(row.contains(secret), () -> "a secret in the audit trail: " + row);
                }
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertFalse(lines.isEmpty(), "the logs were captured");
    }

    private static List<String> auditRows(TestService service) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM audit_event")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(meta.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static Handler capture(List<String> lines) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // The test's own SMTP server logs the mail it receives: that is the recipient's side, not ours.
                if (record.getLoggerName() == null || !record.getLoggerName().startsWith("com.icegreen")) {
                    lines.add(getFormatter().format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        return handler;
    }
}
