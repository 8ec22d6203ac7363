package nl.familyliaison.signin;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;
import nl.familyliaison.access.Account;

/** Staff enrolments: an invitation token (stored hashed) and what was chosen so far. */
final class EnrolmentRepository {

    private final Supplier<DbExecute> db;

    EnrolmentRepository(DbClient db) {
        this(db::execute);
    }

    private EnrolmentRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    public EnrolmentRepository in(DbExecute tx) {
        return new EnrolmentRepository(() -> tx);
    }

    public void insert(byte[] tokenHash, String accountId, Instant now, Instant expiresAt) {
        db.get().createNamedInsert("enrolment-insert")
                .addParam("tokenHash", tokenHash).addParam("accountId", accountId)
                .addParam("now", Rows.utc(now)).addParam("expiresAt", Rows.utc(expiresAt))
                .execute();
    }

    public Optional<Enrolment> byTokenHash(byte[] tokenHash) {
        return db.get().createNamedGet("enrolment-select").addParam("tokenHash", tokenHash).execute()
                .map(row -> new Enrolment(Rows.text(row, "account_id"), Rows.text(row, "email"),
                                          Account.Status.valueOf(Rows.text(row, "status")),
                                          Rows.instant(row, "expires_at"), Rows.text(row, "pending_password_hash"),
                                          Rows.text(row, "pending_totp_key_id") == null ? null
                                                  : new KeyRing.Sealed(Rows.text(row, "pending_totp_key_id"),
                                                                       Rows.bytes(row, "pending_totp_secret")),
                                          Rows.instant(row, "completed_at")));
    }

    public void setPending(byte[] tokenHash, String passwordHash, KeyRing.Sealed totpSecret) {
        db.get().createNamedUpdate("enrolment-set-pending")
                .addParam("tokenHash", tokenHash).addParam("passwordHash", passwordHash)
                .addParam("totpKeyId", totpSecret.keyId()).addParam("totpSecret", totpSecret.bytes())
                .execute();
    }

    public boolean complete(byte[] tokenHash, Instant now) {
        return db.get().createNamedUpdate("enrolment-complete")
                       .addParam("tokenHash", tokenHash).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    /** A stored enrolment. */
    public record Enrolment(String accountId, String email, Account.Status accountStatus, Instant expiresAt,
                            String pendingPasswordHash, KeyRing.Sealed pendingTotpSecret, Instant completedAt) {

        boolean isOpenAt(Instant now) {
            return completedAt == null && now.isBefore(expiresAt) && accountStatus == Account.Status.INVITED;
        }
    }
}
