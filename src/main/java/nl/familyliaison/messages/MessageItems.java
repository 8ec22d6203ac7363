package nl.familyliaison.messages;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.access.Authorization.Item;
import nl.familyliaison.access.Authorization.ItemKind;
import nl.familyliaison.access.Authorization.Visibility;
import nl.familyliaison.cases.MemberFiles;

/**
 * Threads, messages and files as items for the one authorization decision: a thread and its messages are shared with
 * the members taking part; a file with those of the thread it was sent in or, while it waits to be sent, held by its
 * uploader alone.
 */
public final class MessageItems {

    private final MessageRepository messages;
    private final AttachmentRepository attachments;

    MessageItems(MessageRepository messages, AttachmentRepository attachments) {
        this.messages = messages;
        this.attachments = attachments;
    }

    /** The object types of the audit trail this feature holds, for a member's file. */
    public Map<String, MemberFiles.ItemLookup> fileItems() {
        return Map.of("message-thread", this::thread, "message", this::message, "attachment", this::attachment);
    }

    public Optional<Item> thread(String caseId, String threadId) {
        return messages.thread(caseId, threadId).map(MessageItems::of);
    }

    public Optional<Item> message(String caseId, String messageId) {
        return messages.threadOfMessage(caseId, messageId).map(MessageItems::of);
    }

    public Optional<Item> attachment(String caseId, String attachmentId) {
        return attachments.find(caseId, attachmentId).flatMap(found -> of(found, caseId, messages));
    }

    static Item of(MessageThread thread) {
        return Item.of(ItemKind.THREAD, Visibility.chosen(thread.memberIds()));
    }

    /** The file as an item: empty when its thread is not one of the case (which cannot happen but must not show). */
    static Optional<Item> of(StoredAttachment attachment, String caseId, MessageRepository messages) {
        if (attachment.threadId() == null) {
            return Optional.of(new Item(ItemKind.ATTACHMENT, Visibility.chosen(Set.of()), attachment.uploaderId()));
        }
        return messages.thread(caseId, attachment.threadId())
                .map(thread -> Item.of(ItemKind.ATTACHMENT, Visibility.chosen(thread.memberIds())));
    }
}
