package nl.familyliaison.messages;

import java.util.List;
import java.util.function.Function;

import io.helidon.dbclient.DbTransaction;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.messages.MessageViews.AttachmentView;
import nl.familyliaison.messages.MessageViews.MessageView;
import nl.familyliaison.messages.MessageViews.StartedThread;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency.Claim;
import nl.familyliaison.platform.Transactions;

/**
 * The writes of the messages feature, each in its own transaction with its audit event and the request's
 * idempotency key, which keeps the write's answer in the same transaction; the mails they queue leave after the
 * commit. A new thread or message first takes a token of the author's post limit in that same transaction, so a
 * refused one leaves nothing behind, and a replayed one (answered from its kept answer) takes none.
 */
record Writes(Threads threads, ThreadPages pages, Attachments attachments, Transactions transactions, Outbox outbox,
              PostLimit postLimit) {

    StartedThread start(CaseContext context, MessageText text, List<String> members, List<String> attachmentIds,
                        WriteEvent audited, Claim claim) {
        return audited(audited, claim, tx -> {
            postLimit.take(tx, context);
            return threads.start(tx, context, text, members, attachmentIds);
        }, started -> started.thread().id());
    }

    MessageView post(CaseContext context, MessageThread thread, MessageText text, List<String> attachmentIds,
                     WriteEvent audited, Claim claim) {
        return audited(audited, claim, tx -> {
            postLimit.take(tx, context);
            return threads.post(tx, context, thread, text, attachmentIds);
        }, MessageView::id);
    }

    /** @return the thread, for its id (the answer has no body) */
    MessageThread markRead(CaseContext context, MessageThread thread, WriteEvent audited, Claim claim) {
        return audited(audited, claim, tx -> {
            pages.markRead(tx, context, thread);
            return thread;
        }, MessageThread::id);
    }

    AttachmentView upload(CaseContext context, Upload upload, String name, WriteEvent audited, Claim claim) {
        return audited(audited, claim, tx -> attachments.upload(tx, context.caseId(), context.actor().accountId(), upload,
                                                         name), AttachmentView::id);
    }

    private <T> T audited(WriteEvent audited, Claim claim, Function<DbTransaction, T> work, Function<T, String> idOf) {
        T written = transactions.inTransaction(tx -> {
            T result = work.apply(tx);
            String id = idOf.apply(result);
            audited.append(tx, id);
            claim.keep(tx, id, result);
            return result;
        });
        outbox.afterCommit();
        return written;
    }
}
