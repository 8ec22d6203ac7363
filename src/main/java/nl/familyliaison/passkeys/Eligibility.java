package nl.familyliaison.passkeys;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;

/** Who may add and use passkeys: active accounts only; members only while DigiD is not required for them. */
final class Eligibility {

    private Eligibility() {
    }

    static boolean accountMayUse(Account account) {
        return account.status() == Account.Status.ACTIVE;
    }

    static boolean roleMayUse(Role role, RelyingParty party) {
        return role != Role.MEMBER || party.membersMayUse();
    }
}
