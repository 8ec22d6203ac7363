package nl.familyliaison.passkeys;

import java.util.List;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.platform.Transactions;

/** A person's own passkeys: who may add one, the list, renaming and removing (another's id is simply not found). */
record PasskeyBook(PasskeyRepository passkeys, RelyingParty party, Transactions transactions) {

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

    /** Stores a checked new passkey, its event in the same transaction. */
    StoredPasskey add(StoredPasskey passkey, AccessAudit.Written audited) {
        transactions.inTransaction(tx -> {
            passkeys.in(tx).insert(passkey);
            audited.append(tx, passkey.id());
            return null;
        });
        return passkey;
    }

    Optional<StoredPasskey> rename(String accountId, String id, String name, AccessAudit.Written audited) {
        if (!inTransaction(tx -> passkeys.in(tx).rename(accountId, id, name), id, audited)) {
            return Optional.empty();
        }
        return passkeys.ofAccount(accountId).stream().filter(passkey -> passkey.id().equals(id)).findFirst();
    }

    /** Removing is allowed always (also an unusable passkey, also a member's while DigiD is required). */
    boolean remove(String accountId, String id, AccessAudit.Written audited) {
        return inTransaction(tx -> passkeys.in(tx).delete(accountId, id), id, audited);
    }

    /** A change of one passkey and, when it found the passkey, its event: both or neither. */
    private boolean inTransaction(java.util.function.Predicate<DbExecute> change, String id,
                                  AccessAudit.Written audited) {
        return transactions.inTransaction(tx -> {
            boolean found = change.test(tx);
            if (found) {
                audited.append(tx, id);
            }
            return found;
        });
    }
}
