package nl.familyliaison.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * The case's timeline: the family inspector posts updates (for all members or chosen ones), corrects them openly
 * (the original stays, the correction shows with its time), and every update renews the promise of the next one.
 */
public record Timeline(UpdateRepository updates, CaseRepository cases, MemberRepository members, Outbox outbox,
                       Transactions transactions, Clock clock) {

    static final int MAX_TEXT = 10_000;

    /** One entry as a person sees it: the update and its corrections, oldest first. */
    public record Entry(Update update, List<Update> corrections) {
    }

    /** Posts an update; moves the case to {@code phase} when given and renews the next-update promise. */
    public String post(Investigation investigation, String authorId, String text, String phase,
                       Set<String> visibleTo, List<String> knownPhases, java.time.LocalDate today) {
        return post(investigation, authorId, text, phase, visibleTo, knownPhases, today, WriteEvent.NONE);
    }

    /** Posts an update as above; {@code audited} (about the new update) is appended in the same transaction. */
    public String post(Investigation investigation, String authorId, String text, String phase,
                       Set<String> visibleTo, List<String> knownPhases, java.time.LocalDate today,
                       WriteEvent audited) {
        return post(investigation, authorId, text, phase, visibleTo, knownPhases, today, tx -> { }, audited);
    }

    /** Posts an update as above and does {@code alsoInTransaction} in the same transaction (such as closing). */
    public String post(Investigation investigation, String authorId, String text, String phase,
                       Set<String> visibleTo, List<String> knownPhases, java.time.LocalDate today,
                       java.util.function.Consumer<io.helidon.dbclient.DbExecute> alsoInTransaction,
                       WriteEvent audited) {
        String body = text(text);
        String inPhase = phase == null ? investigation.phase() : phase;
        if (!knownPhases.contains(inPhase)) {
            throw ProblemException.invalid("phase", "Choose one of the standard phases.");
        }
        boolean forAll = visibleTo == null;
        if (!forAll) {
            requireMembers(investigation.id(), visibleTo);
        }
        String id = Ids.newId();
        transactions.inTransaction(tx -> {
            updates.in(tx).insert(id, investigation.id(), inPhase, authorId, body, forAll ? Set.of() : visibleTo,
                                  forAll, null, clock.instant());
            if (!inPhase.equals(investigation.phase())) {
                cases.in(tx).setPhase(investigation.id(), inPhase, clock.instant());
            }
            cases.in(tx).setNextUpdate(investigation.id(), today.plusDays(investigation.updateCadenceDays()),
                                       investigation.updateCadenceDays(), clock.instant());
            notifyMembers(tx, investigation.id(), id, forAll, visibleTo);
            alsoInTransaction.accept(tx);
            audited.append(tx, id);
            return null;
        });
        outbox.afterCommit();
        return id;
    }

    /**
     * Corrects an update: a new entry pointing at the original, seen by the same people; {@code audited} (about the
     * original) is appended in the same transaction.
     */
    public String correct(String caseId, Update original, String authorId, String text, WriteEvent audited) {
        if (original.isWithdrawn()) {
            throw new ProblemException(ProblemType.CONFLICT, "A withdrawn update cannot be corrected.");
        }
        String body = text(text);
        String id = Ids.newId();
        transactions.inTransaction(tx -> {
            updates.in(tx).insert(id, caseId, original.phase(), authorId, body, original.memberIds(),
                                  original.forAllMembers(), original.id(), clock.instant());
            notifyMembers(tx, caseId, id, original.forAllMembers(), original.memberIds());
            audited.append(tx, original.id());
            return null;
        });
        outbox.afterCommit();
        return id;
    }

    /**
     * Withdraws an update that went to the wrong people, with its corrections: mail about it not sent yet is taken
     * back, and with {@code reshareWith} (membership ids) it is shared again in the same transaction, as a new update
     * with the same text and corrections for those members only. {@code withdrawn} (about the original) and
     * {@code reshared} (about the new one) are appended in that transaction.
     *
     * @return the new update's id, or null when it was only withdrawn
     */
    public String withdraw(String caseId, Entry entry, String byAccountId, Set<String> reshareWith,
                           WriteEvent withdrawn, WriteEvent reshared) {
        Update original = entry.update();
        if (original.isWithdrawn() || original.isCorrection()) {
            throw new ProblemException(ProblemType.CONFLICT, "This update has been withdrawn already.");
        }
        if (reshareWith != null) {
            requireMembers(caseId, reshareWith);
        }
        String copy = reshareWith == null ? null : Ids.newId();
        transactions.inTransaction(tx -> {
            if (!updates.in(tx).withdraw(caseId, original.id(), byAccountId, clock.instant())) {
                throw new ProblemException(ProblemType.CONFLICT, "This update has been withdrawn already.");
            }
            outbox.withdraw(tx, "new-update:" + original.id());
            outbox.withdraw(tx, "unread-reminder:update:" + original.id());
            entry.corrections().forEach(correction -> outbox.withdraw(tx, "new-update:" + correction.id()));
            withdrawn.append(tx, original.id());
            if (copy != null) {
                reshare(tx, caseId, entry, copy, reshareWith);
                reshared.append(tx, copy);
            }
            return null;
        });
        outbox.afterCommit();
        return copy;
    }

    private void reshare(io.helidon.dbclient.DbExecute tx, String caseId, Entry entry, String copy,
                         Set<String> memberIds) {
        Update original = entry.update();
        java.time.Instant now = clock.instant();
        updates.in(tx).insert(copy, caseId, original.phase(), original.authorId(), original.text(), memberIds, false,
                              null, now, original.id());
        int order = 1;
        for (Update correction : entry.corrections()) {
            // Each a microsecond later, so they keep their order.
            updates.in(tx).insert(Ids.newId(), caseId, original.phase(), correction.authorId(), correction.text(),
                                  memberIds, false, copy, now.plusNanos(1000L * order++), null);
        }
        notifyMembers(tx, caseId, copy, false, memberIds);
    }

    /** The entries of a case, each with its corrections. */
    public List<Entry> entries(String caseId) {
        Map<String, Update> originals = new LinkedHashMap<>();
        Map<String, List<Update>> corrections = new LinkedHashMap<>();
        for (Update update : updates.ofCase(caseId)) {
            if (update.isCorrection()) {
                corrections.computeIfAbsent(update.corrects(), id -> new ArrayList<>()).add(update);
            } else {
                originals.put(update.id(), update);
            }
        }
        return originals.values().stream()
                .map(update -> new Entry(update, List.copyOf(corrections.getOrDefault(update.id(), List.of()))))
                .toList();
    }

    public void markRead(Entry entry, String accountId) {
        updates.markRead(entry.update().id(), accountId, clock.instant());
        entry.corrections().forEach(correction -> updates.markRead(correction.id(), accountId, clock.instant()));
    }

    private void notifyMembers(io.helidon.dbclient.DbExecute tx, String caseId, String updateId, boolean forAll,
                               Set<String> chosen) {
        for (Member member : members.in(tx).ofCase(caseId)) {
            if (member.isActive() && (forAll || chosen.contains(member.id()))) {
                outbox.enqueue(tx, new Mail("new-update:" + updateId, member.accountId(), member.email(),
                                            MailTemplate.NEW_UPDATE, member.language(), Map.of(),
                                            Mail.Priority.NORMAL));
            }
        }
    }

    private void requireMembers(String caseId, Set<String> memberIds) {
        if (memberIds.isEmpty()) {
            throw ProblemException.invalid("visibleTo", "Choose at least one member, or leave it out for everyone.");
        }
        for (String memberId : memberIds) {
            if (!Ids.isId(memberId) || !members.isActiveIn(caseId, memberId)) {
                throw ProblemException.invalid("visibleTo", "Choose members of this case.");
            }
        }
    }

    static String text(String text) {
        return text(text, MAX_TEXT);
    }

    /** A text of a case (an update, a staff note): stripped, not empty, at most {@code max} characters. */
    static String text(String text, int max) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ProblemException.invalid("text", "Write a text.");
        }
        if (body.length() > max) {
            throw ProblemException.invalid("text", "Write at most " + max + " characters.");
        }
        return body;
    }
}
