package nl.familyliaison.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Dashboard;
import nl.familyliaison.cases.MessageActivity;
import nl.familyliaison.cases.UnreadFollowUp;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * The messages feature as the rest of the service sees it: its HTTP service, the content that export, briefings and
 * retention read or erase, the items of a member's file, and what the dashboard and the follow-up need to know.
 */
public record Messages(MessageService service, MessageContent content, MessageItems items, MessageActivity activity) {

    public static Messages create(Config config, DbClient db, CaseRepository cases, AccountRepository accounts,
                                  CaseAccess access, Idempotency idempotency, RateLimiter limiter, Outbox outbox,
                                  Guards guards, KeyRing keys, Clock clock) {
        MessageRepository repository = new MessageRepository(db);
        AttachmentRepository files = new AttachmentRepository(db);
        Attachments attachments = new Attachments(files, MessageSettings.from(config), keys, clock);
        Posting posting = new Posting(repository, attachments, cases, accounts, outbox, keys, clock);
        Threads threads = new Threads(repository, posting, cases, accounts, access, clock);
        ThreadPages pages = new ThreadPages(repository, attachments, accounts, cases, keys, clock);
        MessageService service = new MessageService(
                threads, pages, attachments,
                new Writes(threads, pages, attachments, new Transactions(db), outbox,
                           new PostLimit(limiter, limiter.policy(MessageService.POST_LIMIT))), access, idempotency, limiter,
                guards);
        return new Messages(service, new MessageContent(db, attachments, files, keys),
                            new MessageItems(repository, files), new Activity(repository));
    }

    /** Questions waiting for staff and messages members have not read, in the terms of the cases feature. */
    private record Activity(MessageRepository repository) implements MessageActivity {

        @Override
        public List<Dashboard.WaitingThread> waitingForStaff(String staffAccountId, Instant before) {
            return repository.waitingForStaff(staffAccountId, before).stream()
                    .map(waiting -> new Dashboard.WaitingThread(waiting.caseId(), waiting.threadId(),
                                                                waiting.since()))
                    .toList();
        }

        @Override
        public List<UnreadFollowUp.UnreadMessage> unreadByMembers(Instant before) {
            return repository.unreadByMembers(before).stream()
                    .map(unread -> new UnreadFollowUp.UnreadMessage(unread.accountId(), unread.messageId()))
                    .toList();
        }
    }
}
