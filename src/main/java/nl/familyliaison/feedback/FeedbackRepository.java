package nl.familyliaison.feedback;

import java.time.Instant;
import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Feedback as stored: its text sealed. */
final class FeedbackRepository {

    private final DbClient db;

    FeedbackRepository(DbClient db) {
        this.db = db;
    }

    record Stored(String id, String kind, String about, KeyRing.Sealed text, Instant createdAt, String status,
                  Instant statusChangedAt) {
    }

    void insert(DbExecute tx, String id, String accountId, String kind, String about, KeyRing.Sealed text,
                Instant now) {
        tx.createNamedInsert("feedback-insert")
                .addParam("id", id).addParam("accountId", accountId).addParam("kind", kind)
                .addParam("about", about).addParam("textKeyId", text.keyId()).addParam("text", text.bytes())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    /** The latest 200, newest first. */
    List<Stored> recent() {
        return db.execute().createNamedQuery("feedback-select-recent").execute()
                .map(FeedbackRepository::stored)
                .toList();
    }

    java.util.Optional<Stored> byId(String id) {
        return db.execute().createNamedGet("feedback-select").addParam("id", id).execute()
                .map(FeedbackRepository::stored);
    }

    /** Sets the handling status inside the caller's transaction; false when there is no such feedback. */
    boolean setStatus(DbExecute tx, String id, String status, String byAccountId, Instant now) {
        return tx.createNamedUpdate("feedback-update-status")
                .addParam("id", id).addParam("status", status).addParam("by", byAccountId)
                .addParam("now", Rows.utc(now))
                .execute() == 1;
    }

    private static Stored stored(io.helidon.dbclient.DbRow row) {
        return new Stored(Rows.text(row, "id"), Rows.text(row, "kind"), Rows.text(row, "about"),
                          new KeyRing.Sealed(Rows.text(row, "text_key_id"), Rows.bytes(row, "text")),
                          Rows.instant(row, "created_at"), Rows.text(row, "status"),
                          Rows.instant(row, "status_changed_at"));
    }

    /** Deletes what a removed person sent. */
    void eraseOf(DbExecute tx, String accountId) {
        tx.createNamedDelete("feedback-delete-of-account").addParam("accountId", accountId).execute();
    }
}
