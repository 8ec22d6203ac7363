package nl.familyliaison.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Rows;

/** Sessions, found by the hash of their token. */
public final class SessionRepository {

    private final Supplier<DbExecute> db;

    public SessionRepository(DbClient db) {
        this(db::execute);
    }

    private SessionRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    public SessionRepository in(DbExecute tx) {
        return new SessionRepository(() -> tx);
    }

    public void insert(String id, byte[] tokenHash, String accountId, String csrfToken, String device, Instant now,
                       Instant expiresAt, String method, boolean linkOnly) {
        db.get().createNamedInsert("session-insert")
                .addParam("method", method)
                .addParam("linkOnly", linkOnly)
                .addParam("id", id)
                .addParam("tokenHash", tokenHash)
                .addParam("accountId", accountId)
                .addParam("csrfToken", csrfToken)
                .addParam("device", device)
                .addParam("now", Rows.utc(now))
                .addParam("expiresAt", Rows.utc(expiresAt))
                .execute();
    }

    public Optional<Session> byTokenHash(byte[] tokenHash) {
        return db.get().createNamedGet("session-select-by-token").addParam("tokenHash", tokenHash).execute()
                .map(SessionRepository::session);
    }

    public void touch(String id, Instant now) {
        db.get().createNamedUpdate("session-touch").addParam("id", id).addParam("now", Rows.utc(now)).execute();
    }

    public long end(String id, String reason, Instant now) {
        return db.get().createNamedUpdate("session-end")
                .addParam("id", id).addParam("reason", reason).addParam("now", Rows.utc(now))
                .execute();
    }

    /** Ends one session of an account; 0 when the account has no such open session. */
    public long endForAccount(String id, String accountId, String reason, Instant now) {
        return db.get().createNamedUpdate("session-end-for-account")
                .addParam("id", id).addParam("accountId", accountId).addParam("reason", reason)
                .addParam("now", Rows.utc(now))
                .execute();
    }

    public long endAll(String accountId, String reason, Instant now) {
        return db.get().createNamedUpdate("session-end-all-for-account")
                .addParam("accountId", accountId).addParam("reason", reason).addParam("now", Rows.utc(now))
                .execute();
    }

    /** Deletes (a batch of at most 1000) sessions that ended before {@code before}; how many went. */
    long deleteEndedBefore(Instant before, Instant idleBefore) {
        return db.get().createNamedDelete("session-delete-ended")
                .addParam("before", Rows.utc(before)).addParam("idleBefore", Rows.utc(idleBefore))
                .execute();
    }

    public List<OpenSession> open(String accountId, Instant now, Instant idleSince) {
        return db.get().createNamedQuery("session-select-open-for-account")
                .addParam("accountId", accountId)
                .addParam("now", Rows.utc(now))
                .addParam("idleSince", Rows.utc(idleSince))
                .execute()
                .map(row -> new OpenSession(Rows.text(row, "id"), Rows.text(row, "device"),
                                            Rows.instant(row, "created_at"), Rows.instant(row, "last_seen_at"),
                                            Rows.instant(row, "expires_at")))
                .toList();
    }

    private static Session session(DbRow row) {
        Account account = new Account(Rows.text(row, "account_id"),
                                      Role.valueOf(Rows.text(row, "role")),
                                      Rows.text(row, "email"),
                                      Rows.text(row, "display_name"),
                                      Account.Status.valueOf(Rows.text(row, "status")),
                                      new Language(Rows.text(row, "language")));
        return new Session(Rows.text(row, "id"), account, Rows.text(row, "csrf_token"), Rows.text(row, "device"),
                           Rows.instant(row, "created_at"), Rows.instant(row, "last_seen_at"),
                           Rows.instant(row, "expires_at"), Rows.instant(row, "ended_at"),
                           Rows.text(row, "method"), row.column("link_only").getBoolean());
    }

    /** A session as listed to its owner. */
    public record OpenSession(String id, String device, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    }
}
