package nl.familyliaison.messages;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementDml;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** The statements behind {@link MessageContent}: what other features may do with a case's messages and files. */
final class MessageContentRepository {

    private final Supplier<DbExecute> db;

    MessageContentRepository(DbClient db) {
        this(db::execute);
    }

    private MessageContentRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    /** The same repository working inside {@code tx}. */
    MessageContentRepository in(DbExecute tx) {
        return new MessageContentRepository(() -> tx);
    }

    boolean holdForBriefing(String caseId, String uploaderId, String attachmentId) {
        return db.get().createNamedUpdate("attachment-hold-for-briefing")
                .addParam("id", attachmentId).addParam("caseId", caseId).addParam("uploaderId", uploaderId)
                .execute() == 1;
    }

    MessageContent.Count count(String caseId) {
        DbRow row = db.get().createNamedGet("content-count-of-case").addParam("caseId", caseId).execute()
                .orElseThrow();
        return new MessageContent.Count(Rows.number(row, "messages"), Rows.number(row, "attachments"));
    }

    /** Deletes the case's read receipts, files, messages, thread members and threads, children first. */
    void purge(String caseId) {
        ofCase(db.get().createNamedDelete("purge-message-reads"), caseId);
        ofCase(db.get().createNamedDelete("purge-attachments"), caseId);
        ofCase(db.get().createNamedDelete("purge-messages"), caseId);
        ofCase(db.get().createNamedDelete("purge-thread-members"), caseId);
        ofCase(db.get().createNamedDelete("purge-threads"), caseId);
    }

    /** The ids of the messages the account wrote. */
    List<String> messagesOf(String accountId) {
        return db.get().createNamedQuery("messages-of-author").addParam("accountId", accountId).execute()
                .map(row -> Rows.text(row, "id")).toList();
    }

    void reseal(String messageId, KeyRing.Sealed body) {
        db.get().createNamedUpdate("message-reseal").addParam("id", messageId).addParam("keyId", body.keyId())
                .addParam("body", body.bytes()).execute();
    }

    /** Deletes the account's uploads, except those a briefing holds. */
    void deleteUploadsOf(String accountId) {
        db.get().createNamedDelete("attachments-delete-of-uploader").addParam("accountId", accountId).execute();
    }

    long deleteUnsentUploads(Instant before) {
        return db.get().createNamedDelete("attachments-delete-unsent").addParam("before", Rows.utc(before))
                .execute();
    }

    private static void ofCase(DbStatementDml delete, String caseId) {
        delete.addParam("caseId", caseId).execute();
    }
}
