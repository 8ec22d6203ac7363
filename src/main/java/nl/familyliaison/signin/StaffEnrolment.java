package nl.familyliaison.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Texts;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Secrets;

/**
 * How a new staff member gets in: an administrator creates the account, the invitation mail carries a one-time link;
 * on it the person chooses a password, adds the shown secret to an authenticator app and proves it with a first
 * code. Only then is the account active. No password is ever set by anyone else.
 */
record StaffEnrolment(AccountRepository accounts, EnrolmentRepository enrolments, StaffAccountRepository staff,
                      Outbox outbox, KeyRing keys, Transactions transactions, Clock clock, Duration lifetime) {

    /** Creates the enrolment inside the caller's transaction and queues the invitation; returns the token. */
    public String invite(DbExecute tx, Account account) {
        return invite(tx, account, MailTemplate.STAFF_INVITATION);
    }

    /** Like {@link #invite(DbExecute, Account)}, with the mail that fits (a first invitation or a new link). */
    String invite(DbExecute tx, Account account, MailTemplate template) {
        String token = Secrets.token();
        Instant now = clock.instant();
        enrolments.in(tx).insert(Secrets.hash(token), account.id(), now, now.plus(lifetime));
        outbox.enqueue(tx, new Mail(template.name().toLowerCase(java.util.Locale.ROOT) + ":" + account.id() + ":"
                                    + now.toEpochMilli(), account.id(),
                                    account.email(), template, account.language(),
                                    Map.of("enrolmentPath", enrolmentPath(token),
                                           "days", String.valueOf(Math.max(1, lifetime.toDays()))),
                                    Mail.Priority.NORMAL));
        return token;
    }

    /** Where the invitation link points (after the service's address). */
    static String enrolmentPath(String token) {
        return "/#enrol=" + token;
    }

    /**
     * Step 1: the password. Answers the new TOTP secret to put into an authenticator app; a refused password's
     * reasons are in {@code language}.
     */
    public TotpSetup choosePassword(String token, String password, Texts texts) {
        EnrolmentRepository.Enrolment enrolment = open(token);
        List<String> problems = PasswordPolicy.problems(password, enrolment.email(), texts);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("password", String.join(" ", problems));
        }
        byte[] secret = Totp.newSecret();
        enrolments.setPending(Secrets.hash(token), Passwords.hash(password),
                              keys.seal(secret, pendingContext(enrolment.accountId())));
        return new TotpSetup(Totp.base32(secret), Totp.uri(secret, enrolment.email()));
    }

    /**
     * The QR code of step 1's otpauth:// address, as SVG: only for an open (valid, unused) enrolment whose password
     * was chosen, because only then is there a secret.
     */
    public String qrCode(String token) {
        EnrolmentRepository.Enrolment enrolment = open(token);
        if (enrolment.pendingTotpSecret() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Choose a password first.");
        }
        byte[] secret = keys.open(enrolment.pendingTotpSecret(), pendingContext(enrolment.accountId()));
        return QrSvg.of(Totp.uri(secret, enrolment.email()));
    }

    /**
     * Step 2: a first code from the app proves it was set up; the account becomes active. Answers the account, so the
     * person can be signed in at once (the code's time step counts as used).
     */
    public Account confirm(String token, String code) {
        EnrolmentRepository.Enrolment enrolment = open(token);
        if (enrolment.pendingTotpSecret() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Choose a password first.");
        }
        byte[] secret = keys.open(enrolment.pendingTotpSecret(), pendingContext(enrolment.accountId()));
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw ProblemException.invalid("code", "This code is not right. Type the code your app shows now.");
        }
        KeyRing.Sealed sealed = keys.seal(secret, StaffSignIn.totpContext(enrolment.accountId()));
        transactions.inTransaction(tx -> {
            if (!enrolments.in(tx).complete(Secrets.hash(token), clock.instant())
                || accounts.in(tx).setStaffCredentials(enrolment.accountId(), enrolment.pendingPasswordHash(), sealed,
                                                       step.getAsLong(), clock.instant()) != 1) {
                throw notOpen();
            }
            staff.in(tx).signedIn(enrolment.accountId(), clock.instant());
            return null;
        });
        return accounts.byId(enrolment.accountId()).orElseThrow(StaffEnrolment::notOpen);
    }

    private EnrolmentRepository.Enrolment open(String token) {
        if (token == null || token.length() != 43) {
            throw notOpen();
        }
        return enrolments.byTokenHash(Secrets.hash(token))
                .filter(enrolment -> enrolment.isOpenAt(clock.instant()))
                .orElseThrow(StaffEnrolment::notOpen);
    }

    private static String pendingContext(String accountId) {
        return "staff_enrolment.pending_totp_secret:" + accountId;
    }

    private static ProblemException notOpen() {
        return new ProblemException(ProblemType.NOT_FOUND,
                                    "This invitation link is not valid (any more). Ask your administrator for a new"
                                    + " one.");
    }

    /** What the person puts into their authenticator app. */
    public record TotpSetup(String secret, String otpauthUri) {
    }
}
