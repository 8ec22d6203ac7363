package nl.familyliaison.passkeys;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Rows;

/** Passkeys and the user handle they carry. */
final class PasskeyRepository {

    private final Supplier<DbExecute> db;

    PasskeyRepository(DbClient db) {
        this(db::execute);
    }

    private PasskeyRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    /** The same statements inside {@code tx}. */
    PasskeyRepository in(DbExecute tx) {
        return new PasskeyRepository(() -> tx);
    }

    /** The account's user handle, made (random) the first time it is asked for. */
    byte[] userHandle(String accountId, byte[] fresh, Instant now) {
        db.get().createNamedInsert("passkey-user-insert")
                .addParam("accountId", accountId).addParam("userHandle", fresh).addParam("now", Rows.utc(now))
                .execute();
        return db.get().createNamedGet("passkey-user-select").addParam("accountId", accountId).execute()
                .map(row -> Rows.bytes(row, "user_handle")).orElseThrow();
    }

    void insert(StoredPasskey passkey) {
        db.get().createNamedInsert("passkey-insert")
                .addParam("id", passkey.id())
                .addParam("accountId", passkey.accountId())
                .addParam("credentialId", passkey.credentialId())
                .addParam("credentialData", passkey.credentialData())
                .addParam("signCount", passkey.signCount())
                .addParam("uvInitialized", passkey.uvInitialized())
                .addParam("backupEligible", passkey.backupEligible())
                .addParam("backupState", passkey.backupState())
                .addParam("transports", String.join(",", passkey.transports()))
                .addParam("name", passkey.name())
                .addParam("now", Rows.utc(passkey.createdAt()))
                .execute();
    }

    List<StoredPasskey> ofAccount(String accountId) {
        return db.get().createNamedQuery("passkey-select-of-account").addParam("accountId", accountId).execute()
                .map(PasskeyRepository::passkey).toList();
    }

    Optional<StoredPasskey> byCredentialId(byte[] credentialId) {
        return db.get().createNamedGet("passkey-select-by-credential").addParam("credentialId", credentialId)
                .execute().map(PasskeyRepository::passkey);
    }

    /** After a good sign-in; false when another sign-in used the same counter first (or the passkey was marked). */
    boolean used(String id, long checkedCount, long signCount, boolean backupState, Instant now) {
        return db.get().createNamedUpdate("passkey-used")
                       .addParam("id", id).addParam("checkedCount", checkedCount).addParam("signCount", signCount)
                       .addParam("backupState", backupState).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    void markUnusable(String id, Instant now) {
        db.get().createNamedUpdate("passkey-mark-unusable").addParam("id", id).addParam("now", Rows.utc(now))
                .execute();
    }

    boolean rename(String accountId, String id, String name) {
        return db.get().createNamedUpdate("passkey-rename")
                       .addParam("id", id).addParam("accountId", accountId).addParam("name", name)
                       .execute() == 1;
    }

    boolean delete(String accountId, String id) {
        return db.get().createNamedDelete("passkey-delete").addParam("id", id).addParam("accountId", accountId)
                       .execute() == 1;
    }

    /** Every passkey of the account and its user handle, inside {@code tx}. */
    static void forget(DbExecute tx, String accountId) {
        tx.createNamedDelete("passkey-delete-of-account").addParam("accountId", accountId).execute();
        tx.createNamedDelete("passkey-user-delete").addParam("accountId", accountId).execute();
    }

    private static StoredPasskey passkey(DbRow row) {
        String transports = Rows.text(row, "transports");
        return new StoredPasskey(Rows.text(row, "id"), Rows.text(row, "account_id"),
                                 Rows.bytes(row, "credential_id"), Rows.bytes(row, "credential_data"),
                                 Rows.number(row, "sign_count"), Rows.flag(row, "uv_initialized"),
                                 Rows.flag(row, "backup_eligible"), Rows.flag(row, "backup_state"),
                                 transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
                                 Rows.text(row, "name"), Rows.instant(row, "created_at"),
                                 Rows.instant(row, "last_used_at"), Rows.instant(row, "unusable_at"),
                                 Rows.bytes(row, "user_handle"));
    }
}
