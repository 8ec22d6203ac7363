package nl.familyliaison.passkeys;

import java.util.List;
import java.util.Optional;

import nl.familyliaison.access.Account;

/** A person's own passkeys: who may add one, the list, renaming and removing (another's id is simply not found). */
record PasskeyBook(PasskeyRepository passkeys, RelyingParty party) {

    boolean mayAdd(Account account) {
        return Eligibility.accountMayUse(account) && Eligibility.roleMayUse(account.role(), party);
    }

    void requireMayAdd(Account account) {
        if (!mayAdd(account)) {
            throw Refusal.notForMembers(null);
        }
    }

    List<StoredPasskey> of(String accountId) {
        return passkeys.ofAccount(accountId);
    }

    Optional<StoredPasskey> rename(String accountId, String id, String name) {
        if (!passkeys.rename(accountId, id, name)) {
            return Optional.empty();
        }
        return passkeys.ofAccount(accountId).stream().filter(passkey -> passkey.id().equals(id)).findFirst();
    }

    /** Removing is allowed always (also an unusable passkey, also a member's while DigiD is required). */
    boolean remove(String accountId, String id) {
        return passkeys.delete(accountId, id);
    }
}
