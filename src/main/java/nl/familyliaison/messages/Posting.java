package nl.familyliaison.messages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Cases;
import nl.familyliaison.messages.MessageViews.AttachmentView;
import nl.familyliaison.messages.MessageViews.MessageView;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;

/**
 * Adds a message to a thread, all in the caller's transaction: the next position in the thread, the sealed body, the
 * attachments sent with it, and a mail to everyone else in the thread. The mail says only that there is something
 * new: never who wrote, never what.
 */
record Posting(MessageRepository messages, Attachments attachments, CaseRepository cases, AccountRepository accounts,
               Outbox outbox, KeyRing keys, Clock clock) {

    static final MailTemplate MAIL_TEMPLATE = MailTemplate.NEW_MESSAGE;

    /**
     * Posts; {@code author} as their session read them this request, {@code onBehalfOf} the membership a
     * representative writes for, or null.
     */
    MessageView post(DbExecute tx, MessageThread thread, Account author, String onBehalfOf, MessageText text,
                     List<String> attachmentIds) {
        String authorId = author.id();
        String id = Ids.newId();
        Instant now = clock.instant();
        messages.in(tx).append(id, thread.id(), authorId, seal(id, text), now, onBehalfOf);
        List<AttachmentView> sent = attachments.attach(tx, thread.caseId(), authorId, id, attachmentIds);
        Names names = new Names(accounts.in(tx), cases.in(tx).memberNames(thread.caseId())).knowing(author);
        Roster roster = Roster.of(cases.in(tx), thread.caseId());
        tellTheOthers(tx, thread, authorId, id, names, roster);
        return new MessageView(id, names.person(authorId), true, text.value(), now, sent, List.of(),
                               names.member(onBehalfOf, roster));
    }

    private KeyRing.Sealed seal(String messageId, MessageText text) {
        return keys.seal(text.value().getBytes(StandardCharsets.UTF_8), StoredMessage.context(messageId));
    }

    /** Mails everyone else in the thread; for the family inspectors, whoever is in charge today (a substitute). */
    private void tellTheOthers(DbExecute tx, MessageThread thread, String authorId, String messageId, Names names,
                               Roster roster) {
        LocalDate today = LocalDate.now(clock.withZone(Cases.ZONE));
        List<Mail> mails = new ArrayList<>();
        for (String accountId : roster.inCharge(cases.in(tx).inspectorsInCharge(thread.caseId(), today))
                .accountsIn(thread)) {
            Account account = names.account(accountId);
            if (!accountId.equals(authorId) && account.status() != Account.Status.DISABLED) {
                mails.add(new Mail("new-message:" + messageId, accountId, account.email(), MAIL_TEMPLATE,
                                   account.language(), Map.of(), Mail.Priority.NORMAL));
            }
        }
        outbox.enqueueAll(tx, mails);
    }
}
