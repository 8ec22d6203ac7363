package nl.familyliaison.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.messages.MessageViews.MessageView;
import nl.familyliaison.messages.MessageViews.StartedThread;
import nl.familyliaison.messages.MessageViews.ThreadList;
import nl.familyliaison.messages.MessageViews.ThreadView;
import nl.familyliaison.platform.Ids;

/**
 * The threads of a case: which ones a person may read, starting one, adding to one. Only those taking part read a
 * thread: the case's family inspectors read all of them, a member only those they were chosen for (or started).
 * Whether someone may act on the case at all was decided by {@link CaseAccess#require} before.
 */
record Threads(MessageRepository messages, Posting posting, CaseRepository cases, AccountRepository accounts,
               CaseAccess access, Clock clock) {

    /** The thread, when it is one of this case and the person takes part in it. */
    public Optional<MessageThread> readable(CaseContext context, String threadId) {
        if (!Ids.isId(threadId)) {
            return Optional.empty();
        }
        return messages.thread(context.caseId(), threadId).filter(thread -> takesPart(context, thread));
    }

    /** The threads the person takes part in, latest activity first, with what they have not read. */
    public ThreadList list(CaseContext context) {
        Roster roster = Roster.of(cases, context.caseId());
        Names names = new Names(accounts, cases.memberNames(context.caseId()));
        return new ThreadList(messages.threadsOfCase(context.caseId(), context.actor().accountId()).stream()
                                      .filter(unread -> takesPart(context, unread.thread()))
                                      .map(unread -> view(unread.thread(), roster, names, unread.count()))
                                      .toList());
    }

    /** Starts a thread with its first message; who takes part follows {@link ThreadStart}. */
    public StartedThread start(DbExecute tx, CaseContext context, MessageText text, List<String> chosenMembers,
                               List<String> attachmentIds) {
        Roster roster = Roster.of(cases.in(tx), context.caseId());
        Set<String> members = ThreadStart.members(context.actor().role(), context.role().memberId(), chosenMembers,
                                                  roster.memberAccounts().keySet());
        Instant now = clock.instant();
        MessageThread thread = new MessageThread(Ids.newId(), context.caseId(), context.actor().accountId(), now, now,
                                                 members);
        messages.in(tx).insertThread(thread);
        MessageView first = posting.post(tx, thread, context.actor().account(), null, text, attachmentIds);
        return new StartedThread(view(thread, roster, new Names(accounts.in(tx), cases.in(tx).memberNames(context.caseId())), 0), first);
    }

    /**
     * Adds a message to a thread the person takes part in. A representative who sees the thread only through the
     * member they represent writes on that member's behalf, which the FULL scope alone allows (403 otherwise).
     */
    public MessageView post(DbExecute tx, CaseContext context, MessageThread thread, MessageText text,
                            List<String> attachmentIds) {
        Optional<String> self = context.role().memberId();
        String onBehalfOf = null;
        if (self.isPresent() && !thread.memberIds().contains(self.get())) {
            onBehalfOf = context.role().representing().map(Authorization.Representing::memberId)
                    .filter(thread.memberIds()::contains)
                    .filter(represented -> access.mayActFor(context, CaseAction.POST_MESSAGE, represented))
                    .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "You may read this conversation "
                                                            + "but not write in it for the person you represent."));
        }
        return posting.post(tx, thread, context.actor().account(), onBehalfOf, text, attachmentIds);
    }

    /**
     * Whether the person may have a file of the case: one sent in a thread they take part in, or, while it waits to
     * be sent, only its uploader.
     */
    boolean maySee(CaseContext context, StoredAttachment attachment) {
        return MessageItems.of(attachment, context.caseId(), messages).map(item -> access.maySee(context, item))
                .orElse(false);
    }

    private boolean takesPart(CaseContext context, MessageThread thread) {
        return access.maySee(context, MessageItems.of(thread));
    }

    private static ThreadView view(MessageThread thread, Roster roster, Names names, long unread) {
        return new ThreadView(thread.id(), names.person(thread.startedBy()), thread.createdAt(),
                              thread.lastMessageAt(), roster.accountsIn(thread).stream().map(names::person).toList(),
                              unread);
    }
}
