package nl.familyliaison.messages;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Threads, the members taking part, messages and read receipts. */
final class MessageRepository {

    private final Supplier<DbExecute> db;

    public MessageRepository(DbClient db) {
        this(db::execute);
    }

    private MessageRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    /** The same repository working inside {@code tx}. */
    public MessageRepository in(DbExecute tx) {
        return new MessageRepository(() -> tx);
    }

    void insertThread(MessageThread thread) {
        db.get().createNamedInsert("thread-insert")
                .addParam("id", thread.id()).addParam("caseId", thread.caseId())
                .addParam("startedBy", thread.startedBy()).addParam("now", Rows.utc(thread.createdAt()))
                .execute();
        for (String memberId : thread.memberIds()) {
            db.get().createNamedInsert("thread-member-insert")
                    .addParam("threadId", thread.id()).addParam("memberId", memberId)
                    .execute();
        }
    }

    Optional<MessageThread> thread(String caseId, String threadId) {
        return db.get().createNamedGet("thread-select").addParam("id", threadId).addParam("caseId", caseId)
                .execute()
                .map(row -> thread(row, members(threadId)));
    }

    /** The thread of the case that message {@code messageId} is in. */
    Optional<MessageThread> threadOfMessage(String caseId, String messageId) {
        return db.get().createNamedGet("thread-of-message").addParam("id", messageId).addParam("caseId", caseId)
                .execute()
                .flatMap(row -> thread(caseId, Rows.text(row, "id")));
    }

    /** Every thread of the case, newest activity first, each with what {@code accountId} has not read. */
    List<Unread> threadsOfCase(String caseId, String accountId) {
        Map<String, Set<String>> members = new HashMap<>();
        db.get().createNamedQuery("thread-members-of-case").addParam("caseId", caseId).execute()
                .forEach(row -> members.computeIfAbsent(Rows.text(row, "thread_id"), id -> new HashSet<>())
                        .add(Rows.text(row, "member_id")));
        return db.get().createNamedQuery("threads-of-case").addParam("caseId", caseId)
                .addParam("accountId", accountId).execute()
                .map(row -> new Unread(thread(row, members.getOrDefault(Rows.text(row, "id"), Set.of())),
                                       Rows.number(row, "unread")))
                .toList();
    }

    /**
     * Adds a message at its thread's next position: locks the thread row and advances it, and the message takes the
     * position that row now holds.
     */
    void append(String id, String threadId, String authorId, KeyRing.Sealed body, Instant now, String onBehalfOf) {
        long advanced = db.get().createNamedUpdate("thread-advance").addParam("threadId", threadId)
                .addParam("now", Rows.utc(now)).execute();
        if (advanced != 1) {
            throw new IllegalStateException("Thread " + threadId + " vanished");
        }
        db.get().createNamedInsert("message-insert")
                .addParam("id", id).addParam("threadId", threadId).addParam("authorId", authorId)
                .addParam("bodyKeyId", body.keyId()).addParam("body", body.bytes())
                .addParam("now", Rows.utc(now)).addParam("onBehalfOf", onBehalfOf)
                .execute();
    }

    /** Up to {@code limit} messages before {@code position}, newest first. */
    List<StoredMessage> before(String threadId, int position, int limit) {
        return db.get().createNamedQuery("message-page")
                .addParam("threadId", threadId).addParam("before", position).addParam("limit", limit)
                .execute()
                .map(row -> message(row, threadId))
                .toList();
    }

    /** Who read the author's messages at positions {@code low} to {@code high}, and when. */
    List<ReadReceipt> readsOf(String threadId, String authorId, int low, int high) {
        return db.get().createNamedQuery("message-reads-of-author")
                .addParam("threadId", threadId).addParam("authorId", authorId)
                .addParam("low", low).addParam("high", high)
                .execute()
                .map(row -> new ReadReceipt(Rows.text(row, "message_id"), Rows.text(row, "account_id"),
                                            Rows.instant(row, "read_at")))
                .toList();
    }

    /** Marks every message of others in the thread read by {@code accountId}; earlier marks keep their time. */
    void markRead(String threadId, String accountId, Instant now) {
        db.get().createNamedInsert("message-mark-read")
                .addParam("threadId", threadId).addParam("accountId", accountId).addParam("now", Rows.utc(now))
                .execute();
    }

    private Set<String> members(String threadId) {
        return Set.copyOf(db.get().createNamedQuery("thread-members").addParam("threadId", threadId).execute()
                                  .map(row -> Rows.text(row, "member_id")).toList());
    }

    private static MessageThread thread(DbRow row, Set<String> members) {
        return new MessageThread(Rows.text(row, "id"), Rows.text(row, "investigation_id"),
                                 Rows.text(row, "started_by"), Rows.instant(row, "created_at"),
                                 Rows.instant(row, "last_message_at"), Set.copyOf(members));
    }

    private static StoredMessage message(DbRow row, String threadId) {
        return new StoredMessage(Rows.text(row, "id"), threadId, (int) Rows.number(row, "position"),
                                 Rows.text(row, "author_id"),
                                 new KeyRing.Sealed(Rows.text(row, "body_key_id"), Rows.bytes(row, "body")),
                                 Rows.instant(row, "posted_at"), Rows.text(row, "on_behalf_of"));
    }

    /** A thread and how many messages in it one person has not read. */
    record Unread(MessageThread thread, long count) {
    }

    /** One person read one message at a time. */
    record ReadReceipt(String messageId, String accountId, Instant readAt) {
    }

    /**
     * Threads on the staff member's cases whose newest message is a member's, posted before {@code before}: a
     * question that is still waiting for staff.
     */
    public List<Waiting> waitingForStaff(String staffAccountId, java.time.Instant before) {
        return db.get().createNamedQuery("threads-waiting-for-staff")
                .addParam("staffId", staffAccountId)
                .addParam("before", nl.familyliaison.platform.Rows.utc(before))
                .execute()
                .map(row -> new Waiting(nl.familyliaison.platform.Rows.text(row, "investigation_id"),
                                        nl.familyliaison.platform.Rows.text(row, "thread_id"),
                                        nl.familyliaison.platform.Rows.instant(row, "posted_at")))
                .toList();
    }

    /** A thread waiting for an answer since a member's message. */
    public record Waiting(String caseId, String threadId, java.time.Instant since) {
    }

    /** Messages that members taking part in their thread have not read, posted before {@code before}. */
    public List<UnreadByMember> unreadByMembers(java.time.Instant before) {
        return db.get().createNamedQuery("messages-unread-by-members")
                .addParam("before", nl.familyliaison.platform.Rows.utc(before))
                .execute()
                .map(row -> new UnreadByMember(nl.familyliaison.platform.Rows.text(row, "account_id"),
                                       nl.familyliaison.platform.Rows.text(row, "message_id")))
                .toList();
    }

    /** A message one member has not read. */
    public record UnreadByMember(String accountId, String messageId) {
    }
}
