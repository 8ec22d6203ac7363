package nl.familyliaison.signin;

import java.time.Clock;
import java.util.OptionalLong;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.platform.KeyRing;

/**
 * A staff member's authenticator code on its own, for a sign-in whose first factor came from elsewhere (the
 * Inspectorate's identity provider when it asserted no second factor). A code's time step counts once.
 */
public record TotpCheck(AccountRepository accounts, KeyRing keys, Clock clock) {

    /** Whether {@code code} is the account's current code, never used before (its step is claimed now). */
    public boolean passes(Account account, String code) {
        return accounts.credentials(account.email())
                .filter(found -> found.account().id().equals(account.id()))
                .filter(found -> found.totpSecret() != null)
                .map(found -> {
                    byte[] secret = keys.open(found.totpSecret(), StaffSignIn.totpContext(account.id()));
                    OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
                    return step.isPresent() && accounts.claimTotpStep(account.id(), step.getAsLong());
                })
                .orElse(false);
    }
}
