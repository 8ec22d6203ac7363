package nl.familyliaison.messages;

import java.time.Instant;
import java.util.List;

import nl.familyliaison.access.Role;

/** The shapes of the answers about messages (openapi.yaml, schemas Message…). */
public final class MessageViews {

    private MessageViews() {
    }

    /** Someone as others in a thread see them. */
    public record Person(String name, Role role) {
    }

    public record AttachmentView(String id, String name, String type, long size) {
    }

    public record Receipt(Person reader, Instant readAt) {
    }

    /**
     * One message; {@code readBy} only on the caller's own messages: who read it, and when; {@code onBehalfOf} the
     * name of the member a representative wrote it for (absent otherwise).
     */
    public record MessageView(String id, Person author, boolean mine, String text, Instant postedAt,
                              List<AttachmentView> attachments, List<Receipt> readBy, String onBehalfOf) {
    }

    public record ThreadView(String id, Person startedBy, Instant startedAt, Instant lastMessageAt,
                             List<Person> participants, long unreadCount) {
    }

    public record StartedThread(ThreadView thread, MessageView message) {
    }

    public record ThreadList(List<ThreadView> threads) {
    }

    /** A page of a thread, newest first; {@code nextCursor} fetches older messages and is absent on the last page. */
    public record MessagePage(List<MessageView> messages, String nextCursor) {
    }
}
