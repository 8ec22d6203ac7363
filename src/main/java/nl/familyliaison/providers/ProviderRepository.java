package nl.familyliaison.providers;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Started sign-ins waiting for a provider's answer, and identities linked to accounts (keyed hashes only). */
final class ProviderRepository {

    private final Supplier<DbExecute> db;

    ProviderRepository(DbClient db) {
        this(db::execute);
    }

    private ProviderRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    ProviderRepository in(DbExecute tx) {
        return new ProviderRepository(() -> tx);
    }

    /** A started sign-in as stored: hashes and sealed values only. */
    record Request(String id, Provider provider, Purpose purpose, KeyRing.Sealed binding, KeyRing.Sealed nonce,
                   KeyRing.Sealed verifier, String accountId, Instant expiresAt, Instant usedAt) {
    }

    /** A staff sign-in waiting for the authenticator code. */
    record Pending(String id, KeyRing.Sealed binding, String accountId, Instant expiresAt) {
    }

    void insert(String id, Provider provider, Purpose purpose, byte[] stateHash, Request sealed, Instant now) {
        db.get().createNamedInsert("oidc-request-insert")
                .addParam("id", id)
                .addParam("provider", provider.id())
                .addParam("purpose", purpose.id())
                .addParam("stateHash", stateHash)
                .addParam("bindingHash", sealed.binding().bytes())
                .addParam("keyId", sealed.nonce().keyId())
                .addParam("nonce", sealed.nonce().bytes())
                .addParam("verifier", sealed.verifier().bytes())
                .addParam("accountId", sealed.accountId())
                .addParam("now", Rows.utc(now))
                .addParam("expiresAt", Rows.utc(sealed.expiresAt()))
                .execute();
    }

    /** The request a state hashes to, locked for the rest of the transaction. */
    Optional<Request> byState(byte[] stateHash) {
        return db.get().createNamedGet("oidc-request-select-by-state").addParam("stateHash", stateHash).execute()
                .map(ProviderRepository::request);
    }

    boolean use(String id, Instant now) {
        return db.get().createNamedUpdate("oidc-request-use").addParam("id", id).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    void awaitSecondFactor(String id, byte[] pendingHash, String accountId, Instant expiresAt) {
        db.get().createNamedUpdate("oidc-request-await-second-factor")
                .addParam("id", id).addParam("pendingHash", pendingHash).addParam("accountId", accountId)
                .addParam("expiresAt", Rows.utc(expiresAt))
                .execute();
    }

    Optional<Pending> pending(byte[] pendingHash) {
        return db.get().createNamedGet("oidc-request-select-pending").addParam("pendingHash", pendingHash).execute()
                .map(row -> {
                    String keyId = Rows.text(row, "key_id");
                    return new Pending(Rows.text(row, "id"), new KeyRing.Sealed(keyId, Rows.bytes(row, "binding_hash")),
                                       Rows.text(row, "pending_account_id"), Rows.instant(row, "expires_at"));
                });
    }

    void endPending(String id) {
        db.get().createNamedUpdate("oidc-request-end-pending").addParam("id", id).execute();
    }

    void deleteExpired(Instant before) {
        db.get().createNamedDelete("oidc-request-delete-expired").addParam("before", Rows.utc(before)).execute();
    }

    void link(String accountId, Provider provider, KeyRing.Sealed subjectHash, Instant now) {
        db.get().createNamedInsert("account-identity-insert")
                .addParam("accountId", accountId)
                .addParam("provider", provider.id())
                .addParam("keyId", subjectHash.keyId())
                .addParam("subjectHash", subjectHash.bytes())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    Optional<String> accountOf(Provider provider, byte[] subjectHash) {
        return db.get().createNamedGet("account-identity-select-by-subject")
                .addParam("provider", provider.id()).addParam("subjectHash", subjectHash).execute()
                .map(row -> Rows.text(row, "account_id"));
    }

    Optional<Instant> linkedAt(String accountId, Provider provider) {
        return db.get().createNamedGet("account-identity-select-of-account")
                .addParam("accountId", accountId).addParam("provider", provider.id()).execute()
                .map(row -> Rows.instant(row, "linked_at"));
    }

    boolean unlink(String accountId, Provider provider) {
        return db.get().createNamedDelete("account-identity-delete")
                       .addParam("accountId", accountId).addParam("provider", provider.id()).execute() == 1;
    }

    void rehash(String accountId, Provider provider, KeyRing.Sealed subjectHash) {
        db.get().createNamedUpdate("account-identity-rehash")
                .addParam("accountId", accountId).addParam("provider", provider.id())
                .addParam("keyId", subjectHash.keyId()).addParam("subjectHash", subjectHash.bytes()).execute();
    }

    /** Everything of the account's: its linked identities and the sign-ins it started or awaits. */
    void forget(String accountId) {
        db.get().createNamedDelete("account-identity-delete-of-account").addParam("accountId", accountId).execute();
        db.get().createNamedDelete("oidc-request-delete-of-account").addParam("accountId", accountId).execute();
    }

    private static Request request(DbRow row) {
        String keyId = Rows.text(row, "key_id");
        return new Request(Rows.text(row, "id"), Provider.of(Rows.text(row, "provider")),
                           Purpose.of(Rows.text(row, "purpose")),
                           new KeyRing.Sealed(keyId, Rows.bytes(row, "binding_hash")),
                           new KeyRing.Sealed(keyId, Rows.bytes(row, "nonce_sealed")),
                           new KeyRing.Sealed(keyId, Rows.bytes(row, "verifier_sealed")),
                           Rows.text(row, "account_id"), Rows.instant(row, "expires_at"),
                           Rows.instant(row, "used_at"));
    }
}
