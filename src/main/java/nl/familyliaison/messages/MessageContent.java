package nl.familyliaison.messages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;

/**
 * What other features may do with stored messages and files without touching the tables: hold an upload for a
 * briefing and hand it out, purge a case's messages (retention), erase what one person wrote (removal), and clean up
 * uploads that were never sent.
 */
public final class MessageContent {

    private final MessageContentRepository content;
    private final Attachments attachments;
    private final AttachmentRepository files;
    private final KeyRing keys;

    MessageContent(DbClient db, Attachments attachments, AttachmentRepository files, KeyRing keys) {
        this.content = new MessageContentRepository(db);
        this.attachments = attachments;
        this.files = files;
        this.keys = keys;
    }

    /** A stored file, opened; {@code content} is null when only described. */
    public record File(String id, String name, String mediaType, long size, byte[] content) {
    }

    /** Takes the uploader's waiting upload for a briefing; false unless it is theirs, of this case and unsent. */
    public boolean holdForBriefing(DbExecute tx, String caseId, String uploaderId, String attachmentId) {
        return content.in(tx).holdForBriefing(caseId, uploaderId, attachmentId);
    }

    /** What a file of the case is: its name, type and size (not its content). */
    public Optional<File> describe(String caseId, String attachmentId) {
        return files.find(caseId, attachmentId)
                .map(found -> new File(found.id(), attachments.name(found), found.type().mediaType(), found.size(),
                                       null));
    }

    /** The file of a case, opened (for a briefing that holds it). */
    public Optional<File> file(String caseId, String attachmentId) {
        return files.find(caseId, attachmentId)
                .map(found -> new File(found.id(), attachments.name(found), found.type().mediaType(), found.size(),
                                       attachments.content(found)));
    }

    /** How many messages and files a case has, counted in one query. */
    record Count(long messages, long attachments) {
    }

    /** How many items (messages and files together) a case holds: what a retention run reports for it. */
    public long itemsOf(String caseId) {
        Count count = content.count(caseId);
        return count.messages() + count.attachments();
    }

    /** Deletes every thread, message, read receipt and file of the case (briefings holding files go first). */
    public void purge(DbExecute tx, String caseId) {
        content.in(tx).purge(caseId);
    }

    /**
     * Erases what one person wrote: their messages keep their place in the thread (others' answers refer to them)
     * but their text is replaced by an empty one sealed afresh; their files are deleted.
     *
     * @return how many messages were emptied
     */
    public long eraseAuthor(DbExecute tx, String accountId) {
        MessageContentRepository inTx = content.in(tx);
        List<String> written = inTx.messagesOf(accountId);
        byte[] empty = "".getBytes(StandardCharsets.UTF_8);
        written.forEach(id -> inTx.reseal(id, keys.seal(empty, StoredMessage.context(id))));
        inTx.deleteUploadsOf(accountId);
        return written.size();
    }

    /** Deletes uploads never sent with a message nor held for a briefing, uploaded before {@code before}. */
    public long deleteUnsentUploads(Instant before) {
        return content.deleteUnsentUploads(before);
    }
}
