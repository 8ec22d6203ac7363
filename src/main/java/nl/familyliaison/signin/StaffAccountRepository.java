package nl.familyliaison.signin;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.Rows;

/** What the administrators' staff page reads and changes beyond the account itself. */
final class StaffAccountRepository {

    private final Supplier<DbExecute> db;

    StaffAccountRepository(DbClient db) {
        this(db::execute);
    }

    private StaffAccountRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    StaffAccountRepository in(DbExecute tx) {
        return new StaffAccountRepository(() -> tx);
    }

    List<StaffListing> list() {
        return db.get().createNamedQuery("staff-account-list").execute().map(StaffAccountRepository::listing)
                .toList();
    }

    void signedIn(String accountId, Instant now) {
        db.get().createNamedUpdate("staff-account-signed-in").addParam("id", accountId)
                .addParam("now", Rows.utc(now)).execute();
    }

    /** A disabled account back to what it was: active with its credentials, invited without. */
    boolean enable(String accountId, Instant now) {
        return db.get().createNamedUpdate("staff-account-enable").addParam("id", accountId)
                       .addParam("now", Rows.utc(now)).execute() == 1;
    }

    /** Forgets password and authenticator secret (the account is invited again); not for a disabled account. */
    boolean resetCredentials(String accountId, Instant now) {
        return db.get().createNamedUpdate("staff-account-reset-credentials").addParam("id", accountId)
                       .addParam("now", Rows.utc(now)).execute() == 1;
    }

    /** Every enrolment link of the account that still works stops working now. */
    void closeOpenEnrolments(String accountId, Instant now) {
        db.get().createNamedUpdate("staff-enrolment-close-open").addParam("accountId", accountId)
                .addParam("now", Rows.utc(now)).execute();
    }

    private static StaffListing listing(DbRow row) {
        return new StaffListing(Rows.text(row, "id"), Rows.text(row, "email"), Rows.text(row, "display_name"),
                                Role.valueOf(Rows.text(row, "role")), Account.Status.valueOf(Rows.text(row, "status")),
                                Rows.instant(row, "last_sign_in_at"), Rows.instant(row, "invitation_expires_at"));
    }

    /**
     * A staff account as the administrators' list shows it.
     *
     * @param lastSignInAt        null before the first sign-in
     * @param invitationExpiresAt until when the newest unused enrolment link works (null: none)
     */
    record StaffListing(String id, String email, String displayName, Role role, Account.Status status,
                        Instant lastSignInAt, Instant invitationExpiresAt) {
    }
}
