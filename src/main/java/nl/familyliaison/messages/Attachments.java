package nl.familyliaison.messages;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.messages.MessageViews.AttachmentView;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * Files sent with messages. An upload is stored on its own first (sealed, with a clean name) and waits for its
 * uploader to send it with a message of the same case; a phone on a bad connection can then retry the upload and
 * the message separately.
 */
record Attachments(AttachmentRepository attachments, MessageSettings settings, KeyRing keys, Clock clock) {

    /** More than anyone sends at once; keeps one message from becoming an archive. */
    static final int MAX_PER_MESSAGE = 10;

    /** Reads an upload within the configured size; see {@link Upload#read}. */
    public Upload read(InputStream body, long declaredLength) {
        return Upload.read(body, declaredLength, settings.attachmentMaxBytes());
    }

    /**
     * Stores an upload of {@code uploaderId} in the case; it waits there until sent with a message.
     *
     * @throws ProblemException 413 storage-quota-exceeded, storing nothing, when it does not fit in the account's or
     *                          the case's quota
     */
    public AttachmentView upload(DbExecute tx, String caseId, String uploaderId, Upload upload, String sentName) {
        AttachmentRepository stored = attachments.in(tx);
        stored.lockQuotas(uploaderId, caseId);
        if (stored.bytesOfUploader(uploaderId) + upload.size() > settings.accountQuotaBytes()) {
            throw quotaExceeded("You have sent the most files you can: together they may be at most "
                                + inWords(settings.accountQuotaBytes())
                                + ". Ask your contact person how to send more.");
        }
        if (stored.bytesOfCase(caseId) + upload.size() > settings.caseQuotaBytes()) {
            throw quotaExceeded("There is no more room for files in this case: together they may be at most "
                                + inWords(settings.caseQuotaBytes())
                                + ". Ask your contact person how to send more.");
        }
        String id = Ids.newId();
        String name = FileName.clean(sentName, upload.type());
        KeyRing.Sealed sealedName = keys.seal(name.getBytes(StandardCharsets.UTF_8), StoredAttachment.nameContext(id));
        StoredAttachment attachment = new StoredAttachment(id, uploaderId, null, null, upload.type(), upload.size(),
                                                           sealedName);
        attachments.in(tx).insert(attachment, caseId,
                                  keys.seal(upload.content(), StoredAttachment.contentContext(id)), clock.instant());
        return new AttachmentView(id, name, upload.type().mediaType(), upload.size());
    }

    /**
     * Sends the uploads with a message, in the given order.
     *
     * @throws ProblemException 400 naming the first id that is not the sender's waiting upload in this case
     */
    List<AttachmentView> attach(DbExecute tx, String caseId, String senderId, String messageId, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_PER_MESSAGE) {
            throw ProblemException.invalid("attachmentIds", "Send at most " + MAX_PER_MESSAGE
                                                            + " files with one message.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!Ids.isId(id) || !seen.add(id) || !attachments.in(tx).attach(id, caseId, senderId, messageId, i)) {
                throw ProblemException.invalid("attachmentIds[" + i + "]", "This file cannot be sent with this"
                                                                           + " message. Upload it again.");
            }
        }
        return ids.stream().map(id -> view(attachments.in(tx).find(caseId, id).orElseThrow())).toList();
    }

    /** An attachment of the case for someone who may have it, as {@code maySee} decides. */
    Optional<StoredAttachment> downloadable(String caseId, String id, Predicate<StoredAttachment> maySee) {
        if (!Ids.isId(id)) {
            return Optional.empty();
        }
        return attachments.find(caseId, id).filter(maySee);
    }

    byte[] content(StoredAttachment attachment) {
        return keys.open(attachments.content(attachment.id()), StoredAttachment.contentContext(attachment.id()));
    }

    String name(StoredAttachment attachment) {
        return new String(keys.open(attachment.name(), StoredAttachment.nameContext(attachment.id())),
                          StandardCharsets.UTF_8);
    }

    /** 200 MB, 2 GB: a quota as people say it. */
    static String inWords(long bytes) {
        long gigabyte = 1024L * 1024 * 1024;
        if (bytes >= gigabyte) {
            double gigabytes = Math.round(bytes * 10.0 / gigabyte) / 10.0;
            return (gigabytes == Math.rint(gigabytes) ? String.valueOf((long) gigabytes) : String.valueOf(gigabytes))
                   + " GB";
        }
        return Upload.inMegabytes(bytes).replace(".0 MB", " MB");
    }

    private static ProblemException quotaExceeded(String detail) {
        return new ProblemException(ProblemType.STORAGE_QUOTA_EXCEEDED, detail);
    }

    /** The attachments of the messages at positions {@code low} to {@code high}, by message id. */
    Map<String, List<AttachmentView>> ofMessages(String threadId, int low, int high) {
        Map<String, List<AttachmentView>> byMessage = new LinkedHashMap<>();
        for (StoredAttachment attachment : attachments.between(threadId, low, high)) {
            byMessage.computeIfAbsent(attachment.messageId(), id -> new ArrayList<>()).add(view(attachment));
        }
        return byMessage;
    }

    private AttachmentView view(StoredAttachment attachment) {
        return new AttachmentView(attachment.id(), name(attachment), attachment.type().mediaType(),
                                  attachment.size());
    }
}
