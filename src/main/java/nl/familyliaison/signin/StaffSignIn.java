package nl.familyliaison.signin;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.EmailAddress;

/**
 * Staff sign in with a password and a TOTP code. Both factors are always checked and any failure gives the same
 * answer; a code whose time step was used before is refused (replay) and, only when the password was right, said to be
 * used so that the person waits for the next one.
 */
record StaffSignIn(AccountRepository accounts, StaffAccountRepository staff, KeyRing keys, Clock clock) {

    /**
     * @throws SignInFailedException whichever factor was wrong
     */
    public Account signIn(String email, String password, String code) {
        Optional<AccountRepository.StaffCredentials> credentials = accounts.credentials(EmailAddress.canonical(email))
                .filter(found -> found.account().role().isStaff())
                .filter(found -> found.account().status() == Account.Status.ACTIVE)
                .filter(found -> found.totpSecret() != null);
        boolean passwordMatches = Passwords.matches(password == null ? "" : password,
                                                    credentials.map(AccountRepository.StaffCredentials::passwordHash)
                                                            .orElse(null));
        if (credentials.isEmpty() || !passwordMatches) {
            throw failed();
        }
        Account account = credentials.get().account();
        byte[] secret = keys.open(credentials.get().totpSecret(), totpContext(account.id()));
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw failed();
        }
        if (!accounts.claimTotpStep(account.id(), step.getAsLong())) {
            // Still refused (replay), but told apart: whoever gets here knows the password and holds a current code,
            // typically the person who has just enrolled or signed in with it. Nobody without both learns anything.
            throw new SignInFailedException(ProblemType.SIGN_IN_CODE_USED,
                                            "This code has been used already. Wait until your app shows a new code"
                                            + " and type that one.");
        }
        staff.signedIn(account.id(), clock.instant());
        return account;
    }

    /** What the TOTP secret's encryption is bound to: this account's row. */
    static String totpContext(String accountId) {
        return "account.totp_secret:" + accountId;
    }

    private static SignInFailedException failed() {
        return new SignInFailedException("The address, password or code is not right. Please try again.");
    }
}
