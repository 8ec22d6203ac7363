package nl.familyliaison.messages;

import nl.familyliaison.platform.KeyRing;

/**
 * An attachment as stored, without its content.
 *
 * @param messageId null while it waits for its uploader to send it with a message
 * @param threadId  the thread of that message, null likewise
 */
record StoredAttachment(String id, String uploaderId, String messageId, String threadId, AttachmentType type,
                        long size, KeyRing.Sealed name) {

    static String nameContext(String id) {
        return "message_attachment.file_name:" + id;
    }

    static String contentContext(String id) {
        return "message_attachment.content:" + id;
    }
}
