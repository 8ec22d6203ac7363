package nl.familyliaison.messages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Uploaded attachments: sealed name and content, and the message they were sent with. */
final class AttachmentRepository {

    private final Supplier<DbExecute> db;

    public AttachmentRepository(DbClient db) {
        this(db::execute);
    }

    private AttachmentRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    /** The same repository working inside {@code tx}. */
    public AttachmentRepository in(DbExecute tx) {
        return new AttachmentRepository(() -> tx);
    }

    void insert(StoredAttachment attachment, String caseId, KeyRing.Sealed content, Instant now) {
        db.get().createNamedInsert("attachment-insert")
                .addParam("id", attachment.id()).addParam("caseId", caseId)
                .addParam("uploaderId", attachment.uploaderId())
                .addParam("mediaType", attachment.type().mediaType()).addParam("size", attachment.size())
                .addParam("nameKeyId", attachment.name().keyId()).addParam("fileName", attachment.name().bytes())
                .addParam("contentKeyId", content.keyId()).addParam("content", content.bytes())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    /**
     * Holds the account's and then the case's quota lock until the transaction ends (always in this order, so two
     * uploads never wait on each other in a circle); call it in the transaction that stores the upload.
     */
    void lockQuotas(String uploaderId, String caseId) {
        db.get().createNamedInsert("upload-quota-lock").addParam("kind", "account").addParam("ownerId", uploaderId)
                .execute();
        db.get().createNamedInsert("upload-quota-lock").addParam("kind", "case").addParam("ownerId", caseId)
                .execute();
    }

    /** What the uploads of this account take together, in bytes. */
    long bytesOfUploader(String uploaderId) {
        return db.get().createNamedGet("attachment-bytes-of-uploader").addParam("uploaderId", uploaderId).execute()
                .map(row -> Rows.number(row, "bytes")).orElse(0L);
    }

    /** What the uploads of this case take together, in bytes. */
    long bytesOfCase(String caseId) {
        return db.get().createNamedGet("attachment-bytes-of-case").addParam("caseId", caseId).execute()
                .map(row -> Rows.number(row, "bytes")).orElse(0L);
    }

    /** Sends a waiting upload with a message; false unless it is the uploader's, of this case and not sent yet. */
    boolean attach(String id, String caseId, String uploaderId, String messageId, int order) {
        return db.get().createNamedUpdate("attachment-attach")
                .addParam("id", id).addParam("caseId", caseId).addParam("uploaderId", uploaderId)
                .addParam("messageId", messageId).addParam("order", order)
                .execute() == 1;
    }

    Optional<StoredAttachment> find(String caseId, String id) {
        return db.get().createNamedGet("attachment-select").addParam("id", id).addParam("caseId", caseId)
                .execute()
                .map(AttachmentRepository::attachment);
    }

    KeyRing.Sealed content(String id) {
        return db.get().createNamedGet("attachment-content").addParam("id", id).execute()
                .map(row -> new KeyRing.Sealed(Rows.text(row, "content_key_id"), Rows.bytes(row, "content")))
                .orElseThrow(() -> new IllegalStateException("Attachment " + id + " vanished"));
    }

    /** The attachments of the thread's messages at positions {@code low} to {@code high}, in the senders' order. */
    List<StoredAttachment> between(String threadId, int low, int high) {
        return db.get().createNamedQuery("attachments-between")
                .addParam("threadId", threadId).addParam("low", low).addParam("high", high)
                .execute()
                .map(AttachmentRepository::attachment)
                .toList();
    }

    private static StoredAttachment attachment(DbRow row) {
        return new StoredAttachment(Rows.text(row, "id"), Rows.text(row, "uploader_id"),
                                    Rows.text(row, "message_id"), Rows.text(row, "thread_id"),
                                    AttachmentType.ofMediaType(Rows.text(row, "media_type")),
                                    Rows.number(row, "size_bytes"),
                                    new KeyRing.Sealed(Rows.text(row, "name_key_id"), Rows.bytes(row, "file_name")));
    }
}
