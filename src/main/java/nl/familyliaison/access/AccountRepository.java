package nl.familyliaison.access;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Rows;

/** Accounts and their credentials. */
public final class AccountRepository {

    private final Supplier<DbExecute> db;

    public AccountRepository(DbClient db) {
        this(db::execute);
    }

    private AccountRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    /** The same repository working inside {@code tx}. */
    public AccountRepository in(DbExecute tx) {
        return new AccountRepository(() -> tx);
    }

    public void insert(Account account, Instant now) {
        db.get().createNamedInsert("account-insert")
                .addParam("id", account.id())
                .addParam("role", account.role().name())
                .addParam("email", account.email())
                .addParam("displayName", account.displayName())
                .addParam("status", account.status().name())
                .addParam("language", account.language().code())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    public Optional<Account> byId(String id) {
        return db.get().createNamedGet("account-select-by-id").addParam("id", id).execute()
                .map(AccountRepository::account);
    }

    public Optional<Account> byEmail(String email) {
        return db.get().createNamedGet("account-select-by-email").addParam("email", email).execute()
                .map(AccountRepository::account);
    }

    public List<Account> staff() {
        return db.get().createNamedQuery("account-select-staff").execute().map(AccountRepository::account).toList();
    }

    public long updateStatus(String id, Account.Status status, Instant now) {
        return db.get().createNamedUpdate("account-update-status")
                .addParam("id", id).addParam("status", status.name()).addParam("now", Rows.utc(now))
                .execute();
    }

    /**
     * Removes a member's personal data from their account: sessions and sign-in challenges are deleted; the email
     * address and name are replaced by {@code email} and {@code displayName}, which name nobody; it is disabled.
     *
     * @return false when the account is not a member's
     */
    public boolean anonymise(String id, String email, String displayName, Instant now) {
        db.get().createNamedDelete("session-delete-of-account").addParam("accountId", id).execute();
        db.get().createNamedDelete("challenge-delete-of-account").addParam("accountId", id).execute();
        return db.get().createNamedUpdate("account-anonymise")
                .addParam("id", id).addParam("email", email).addParam("displayName", displayName)
                .addParam("now", Rows.utc(now))
                .execute() == 1;
    }

    /**
     * A member's corrected address: whoever signed in through the old one is signed out (every session ends) and
     * codes sent there stop working.
     *
     * @return false when the account is not a member's
     */
    public boolean changeMemberEmail(String id, String email, Instant now) {
        db.get().createNamedUpdate("session-end-all-for-account").addParam("accountId", id)
                .addParam("reason", "address-changed").addParam("now", Rows.utc(now)).execute();
        db.get().createNamedDelete("challenge-delete-of-account").addParam("accountId", id).execute();
        return db.get().createNamedUpdate("account-update-member-email")
                .addParam("id", id).addParam("email", email).addParam("now", Rows.utc(now))
                .execute() == 1;
    }

    public void updateLanguage(String id, Language language, Instant now) {
        db.get().createNamedUpdate("account-update-language")
                .addParam("id", id).addParam("language", language.code()).addParam("now", Rows.utc(now))
                .execute();
    }

    public long activateIfInvited(String id, Instant now) {
        return db.get().createNamedUpdate("account-activate-if-invited")
                .addParam("id", id).addParam("now", Rows.utc(now))
                .execute();
    }

    /** Sets password and TOTP secret and activates an invited staff account; 0 when it was not invited. */
    public long setStaffCredentials(String id, String passwordHash, KeyRing.Sealed totpSecret, long totpStep,
                                    Instant now) {
        return db.get().createNamedUpdate("account-set-staff-credentials")
                .addParam("id", id)
                .addParam("passwordHash", passwordHash)
                .addParam("totpKeyId", totpSecret.keyId())
                .addParam("totpSecret", totpSecret.bytes())
                .addParam("totpStep", totpStep)
                .addParam("now", Rows.utc(now))
                .execute();
    }

    public Optional<StaffCredentials> credentials(String email) {
        return db.get().createNamedGet("account-select-credentials").addParam("email", email).execute()
                .map(row -> new StaffCredentials(account(row), Rows.text(row, "password_hash"),
                                                 secret(row), row.column("totp_last_step").get(Object.class) == null
                                                         ? -1 : Rows.number(row, "totp_last_step")));
    }

    /** Records that a TOTP time step was used; false when it (or a later one) was used before: a replay. */
    public boolean claimTotpStep(String id, long step) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("step", step);
        return db.get().createNamedUpdate("account-claim-totp-step").params(params).execute() == 1;
    }

    /** The sign-in addresses as {@link StoredAddresses} reads and rewrites them. */
    StoredAddresses.Column emailAddresses() {
        return new StoredAddresses.Column(this::nonAsciiAddressesAfter, this::rewriteAddress, this::holdsAddress);
    }

    private List<StoredAddresses.Stored> nonAsciiAddressesAfter(String afterId, int batch) {
        return db.get().createNamedQuery("account-select-non-ascii-email").addParam("after", afterId)
                .addParam("batch", batch).execute()
                .map(row -> new StoredAddresses.Stored(Rows.text(row, "id"), Rows.text(row, "email")))
                .toList();
    }

    private boolean rewriteAddress(StoredAddresses.Stored row, String canonical) {
        return db.get().createNamedUpdate("account-rewrite-email").addParam("id", row.id())
                .addParam("stored", row.address()).addParam("canonical", canonical).execute() == 1;
    }

    private boolean holdsAddress(StoredAddresses.Stored row) {
        return db.get().createNamedGet("account-holds-email").addParam("id", row.id())
                .addParam("stored", row.address()).execute()
                .map(found -> Rows.number(found, "n") > 0).orElse(false);
    }

    private static KeyRing.Sealed secret(DbRow row) {
        String keyId = Rows.text(row, "totp_key_id");
        return keyId == null ? null : new KeyRing.Sealed(keyId, Rows.bytes(row, "totp_secret"));
    }

    static Account account(DbRow row) {
        return new Account(Rows.text(row, "id"),
                           Role.valueOf(Rows.text(row, "role")),
                           Rows.text(row, "email"),
                           Rows.text(row, "display_name"),
                           Account.Status.valueOf(Rows.text(row, "status")),
                           new Language(Rows.text(row, "language")));
    }

    /** What staff sign-in checks. */
    public record StaffCredentials(Account account, String passwordHash, KeyRing.Sealed totpSecret,
                                   long lastTotpStep) {
    }
}
