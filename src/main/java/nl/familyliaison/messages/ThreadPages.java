package nl.familyliaison.messages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.messages.MessageRepository.ReadReceipt;
import nl.familyliaison.messages.MessageViews.AttachmentView;
import nl.familyliaison.messages.MessageViews.MessagePage;
import nl.familyliaison.messages.MessageViews.MessageView;
import nl.familyliaison.messages.MessageViews.Receipt;
import nl.familyliaison.platform.KeyRing;

/**
 * Reading a thread a page at a time, newest first (see {@link Cursor}), and marking it read. Read receipts are shown
 * to the sender of a message only: the sender asked, and nobody else needs to know who read what when.
 */
record ThreadPages(MessageRepository messages, Attachments attachments, AccountRepository accounts,
                   CaseRepository cases, KeyRing keys, Clock clock) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Up to {@code limit} messages before the cursor, newest first, and the cursor of the older ones if any. */
    public MessagePage page(CaseContext context, MessageThread thread, Cursor cursor, int limit) {
        List<StoredMessage> found = messages.before(thread.id(), cursor.before(), limit + 1);
        List<StoredMessage> page = found.size() > limit ? found.subList(0, limit) : found;
        if (page.isEmpty()) {
            return new MessagePage(List.of(), null);
        }
        int newest = page.getFirst().position();
        int oldest = page.getLast().position();
        String me = context.actor().accountId();
        Map<String, List<AttachmentView>> files = attachments.ofMessages(thread.id(), oldest, newest);
        List<ReadReceipt> reads = messages.readsOf(thread.id(), me, oldest, newest);
        Names names = new Names(accounts, cases.memberNames(context.caseId()));
        Roster roster = Roster.of(cases, context.caseId());
        List<MessageView> views = new ArrayList<>();
        for (StoredMessage message : page) {
            boolean mine = message.authorId().equals(me);
            views.add(new MessageView(message.id(), names.person(message.authorId()), mine, text(message),
                                      message.postedAt(), files.getOrDefault(message.id(), List.of()),
                                      mine ? receipts(message, reads, names) : null,
                                      names.member(message.onBehalfOf(), roster)));
        }
        return new MessagePage(views, found.size() > limit ? new Cursor(oldest).encode() : null);
    }

    /** Marks every message of others in the thread, up to now, read by the person. */
    public void markRead(DbExecute tx, CaseContext context, MessageThread thread) {
        messages.in(tx).markRead(thread.id(), context.actor().accountId(), clock.instant());
    }

    private String text(StoredMessage message) {
        return new String(keys.open(message.body(), StoredMessage.context(message.id())), StandardCharsets.UTF_8);
    }

    private static List<Receipt> receipts(StoredMessage message, List<ReadReceipt> reads, Names names) {
        return reads.stream()
                .filter(read -> read.messageId().equals(message.id()))
                .map(read -> new Receipt(names.person(read.accountId()), read.readAt()))
                .toList();
    }
}
