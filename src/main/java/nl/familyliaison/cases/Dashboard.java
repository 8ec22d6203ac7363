package nl.familyliaison.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.familyliaison.notify.Category;
import nl.familyliaison.notify.Outbox;

/**
 * What a staff member needs to see first: their cases with phase and next-update date, promises that are overdue,
 * and member messages that have waited more than two working days for an answer.
 */
public final class Dashboard {

    static final int ANSWER_WITHIN_WORKING_DAYS = 2;

    private final CaseRepository cases;
    private final MemberRepository members;
    private final UpdateRepository updates;
    private final java.time.Duration followUpAfter;
    private final MessageActivity messages;
    private final Outbox outbox;
    private final PhoneRepository phones;
    private final CoverRepository covers;
    private final Clock clock;

    /**
     * @param messages threads of the staff member's cases whose latest message is a member's (not answered since)
     * @param outbox   mails to the members that could not be delivered
     */
    Dashboard(CaseRepository cases, MemberRepository members, UpdateRepository updates,
              java.time.Duration followUpAfter, MessageActivity messages, Outbox outbox, PhoneRepository phones,
              CoverRepository covers, Clock clock) {
        this.phones = phones;
        this.covers = covers;
        this.cases = cases;
        this.members = members;
        this.updates = updates;
        this.followUpAfter = followUpAfter;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A mail to an account that failed for good: the family inspector phones instead. */
    public record FailedMail(String accountId, String kind, Instant since) {
    }

    /** A member whose mail failed, on one of the staff member's cases; {@code phone} for the family inspector. */
    public record Unreachable(String caseId, String memberId, String memberName, String kind, Instant since,
                              String phone) {
    }

    /** A thread waiting for an answer: since when. */
    public record WaitingThread(String caseId, String threadId, Instant waitingSince) {
    }

    /** An update a member has not read yet (whether or not they get mail). */
    public record Unread(String caseId, String memberId, String memberName, String updateId, Instant postedAt,
                         boolean callMember, String phone) {
    }

    public record Summary(List<Investigation> cases, List<Investigation> overdueUpdates,
                          List<WaitingThread> waitingThreads, List<Unreachable> failedNotifications,
                          List<Unread> unreadUpdates) {
    }

    /**
     * The summary for one staff member. Waiting threads and failed message mails are message metadata: only for the
     * family inspector ({@code readsMessages}); the waiting-thread query itself keeps to the cases they are family
     * inspector of.
     */
    public Summary of(String staffAccountId, boolean readsMessages) {
        List<Investigation> mine = cases.ofStaff(staffAccountId, Cases.today(clock));
        List<Investigation> overdue = mine.stream().filter(found -> found.isUpdateOverdueOn(Cases.today(clock)))
                .toList();
        Instant now = clock.instant();
        // Anything newer than two calendar days cannot have waited two working days; the rule decides the rest.
        List<String> inCharge = inChargeFor(staffAccountId);
        List<WaitingThread> waiting = !readsMessages ? List.of() : inCharge.stream()
                .flatMap(id -> messages.waitingForStaff(id, now.minus(java.time.Duration.ofDays(2))).stream())
                .filter(thread -> WorkingDays.waitedMoreThan(thread.waitingSince(), ANSWER_WITHIN_WORKING_DAYS, now))
                .distinct().toList();
        // Phone numbers only of the cases the staff member (or whom they stand in for) is family inspector of.
        Map<String, String> phoneOf = new HashMap<>();
        if (readsMessages) {
            inCharge.forEach(id -> phoneOf.putAll(phones.onCasesInspectedBy(id)));
        }
        List<Unreachable> unreachable = unreachable(staffAccountId, phoneOf).stream()
                .filter(failed -> readsMessages || Category.of(failed.kind()) != Category.MESSAGE)
                .toList();
        return new Summary(mine, overdue, waiting, unreachable,
                           inCharge.stream().flatMap(id -> unread(id, phoneOf).stream()).distinct().toList());
    }

    /** The staff member, and the absent family inspectors they stand in for today (whose cases are theirs now). */
    private List<String> inChargeFor(String staffAccountId) {
        LocalDate today = Cases.today(clock);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(staffAccountId), covers
                .current(java.util.Optional.of(staffAccountId), today).stream()
                .filter(cover -> cover.substituteId().equals(staffAccountId) && !cover.from().isAfter(today))
                .map(CoverRepository.Cover::absentId)).distinct().toList();
    }

    /** One query over all the staff member's cases: the dashboard is the first page staff open. */
    private List<Unread> unread(String staffAccountId, Map<String, String> phoneOf) {
        Instant callAfter = clock.instant().minus(followUpAfter.multipliedBy(2));
        return updates.unreadOnCasesOf(staffAccountId).stream()
                .map(unread -> new Unread(unread.caseId(), unread.memberId(), unread.memberName(), unread.updateId(),
                                          unread.postedAt(), unread.postedAt().isBefore(callAfter),
                                          phoneOf.get(unread.memberId())))
                .toList();
    }

    private List<Unreachable> unreachable(String staffAccountId, Map<String, String> phoneOf) {
        Map<String, Member> byAccount = new HashMap<>();
        Map<String, String> caseOfAccount = new HashMap<>();
        for (MemberRepository.OfCase found : members.activeOnCasesOf(staffAccountId)) {
            byAccount.put(found.member().accountId(), found.member());
            caseOfAccount.put(found.member().accountId(), found.caseId());
        }
        return outbox.failedFor(byAccount.keySet()).stream()
                .map(failed -> new FailedMail(failed.recipientId(), failed.template(), failed.createdAt()))
                .map(failed -> new Unreachable(caseOfAccount.get(failed.accountId()),
                                               byAccount.get(failed.accountId()).id(),
                                               byAccount.get(failed.accountId()).displayName(), failed.kind(),
                                               failed.since(), phoneOf.get(byAccount.get(failed.accountId()).id())))
                .toList();
    }
}
