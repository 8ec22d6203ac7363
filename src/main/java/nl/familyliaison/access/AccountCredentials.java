package nl.familyliaison.access;

import io.helidon.dbclient.DbExecute;

/**
 * A way of signing in that an account holds outside its own row: its passkeys, a linked DigiD. When an
 * administrator resets a staff member's credentials (a lost phone) or a person is removed, every holder forgets the
 * account's, in the same transaction, so that nothing from before signs anyone in again.
 */
@FunctionalInterface
public interface AccountCredentials {

    void forget(DbExecute tx, String accountId);
}
