package nl.familyliaison.briefings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Cases;
import nl.familyliaison.cases.Investigation;
import nl.familyliaison.cases.Member;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.cases.Timeline;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * The rules of a pre-publication briefing. The family inspector shares an uploaded file with chosen members, with the
 * publication date and a deadline for remarks. A member is warned first and either opens it (recorded) or asks to
 * have it explained in a meeting (recorded; the family inspector hears of it and books the meeting as an interview
 * proposal, which can be linked to the request). Remarks are taken until the deadline. Publication lifts the
 * embargo and puts the public report's address on the timeline for every member.
 */
record Briefings(BriefingRepository briefings, MessageContent files, MemberRepository members, CaseRepository cases,
                 AccountRepository accounts, Timeline timeline, Outbox outbox, KeyRing keys, Transactions transactions,
                 Clock clock) {

    static final int MAX_NOTE = 2_000;
    static final int MAX_REMARK = 5_000;
    static final String PUBLICATION_PHASE = "publication";

    /** What the family inspector sends to share a briefing. */
    record Share(String attachmentId, List<String> memberIds, LocalDate publicationDate, Instant remarksUntil,
                        String note) {
    }

    /**
     * Shares a briefing; the chosen members get a mail that there is something to read. Each write below appends its
     * {@code audited} event (about the briefing) in its own transaction.
     */
    String share(String caseId, String inspectorId, Share share, WriteEvent audited) {
        Instant now = clock.instant();
        Set<String> chosen = chosenMembers(caseId, share.memberIds());
        LocalDate today = LocalDate.ofInstant(now, Cases.ZONE);
        if (share.publicationDate() == null || share.publicationDate().isBefore(today)) {
            throw ProblemException.invalid("publicationDate", "Choose the publication date (today or later).");
        }
        Instant publication = share.publicationDate().atStartOfDay(Cases.ZONE).toInstant();
        if (share.remarksUntil() == null || !share.remarksUntil().isAfter(now)
            || share.remarksUntil().isAfter(publication)) {
            throw ProblemException.invalid("remarksUntil", "Choose a moment from now until the publication date.");
        }
        String note = share.note() == null ? "" : share.note().strip();
        if (note.length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "Write at most " + MAX_NOTE + " characters.");
        }
        String id = Ids.newId();
        transactions.inTransaction(tx -> {
            if (!Ids.isId(share.attachmentId())
                || !files.holdForBriefing(tx, caseId, inspectorId, share.attachmentId())) {
                throw ProblemException.invalid("attachmentId", "Upload the file first, then share it once.");
            }
            briefings.in(tx).insert(new BriefingRepository.Row(
                    id, caseId, inspectorId, share.attachmentId(), share.publicationDate(), share.remarksUntil(),
                    keys.seal(note.getBytes(StandardCharsets.UTF_8), noteContext(id)), null, null, now),
                                    List.copyOf(chosen));
            for (Member member : members.in(tx).ofCase(caseId)) {
                if (chosen.contains(member.id())) {
                    outbox.enqueue(tx, new Mail("briefing-shared:" + id, member.accountId(), member.email(),
                                                MailTemplate.BRIEFING_SHARED, member.language(), Map.of(),
                                                Mail.Priority.NORMAL));
                }
            }
            audited.append(tx, id);
            return null;
        });
        outbox.afterCommit();
        return id;
    }

    /** Every briefing of the case, opened. */
    List<Briefing> ofCase(String caseId) {
        Map<String, List<Briefing.Recipient>> recipients = briefings.recipientsOfCase(caseId);
        List<BriefingRepository.SealedRemark> sealed = briefings.remarksOfCase(caseId);
        List<Briefing> all = new ArrayList<>();
        for (BriefingRepository.Row row : briefings.ofCase(caseId)) {
            List<Briefing.Remark> remarks = sealed.stream().filter(remark -> remark.briefingId().equals(row.id()))
                    .map(remark -> new Briefing.Remark(remark.id(), remark.memberId(),
                                                       open(remark.text(), remarkContext(remark.id())),
                                                       remark.postedAt()))
                    .toList();
            all.add(new Briefing(row.id(), row.caseId(), row.sharedBy(), row.attachmentId(), row.publicationDate(),
                                 row.remarksUntil(), open(row.note(), noteContext(row.id())), row.publicUrl(),
                                 row.publishedAt(), row.createdAt(),
                                 List.copyOf(recipients.getOrDefault(row.id(), List.of())), remarks));
        }
        return all;
    }

    /** The member chose to open the file after the warning. */
    void open(Briefing briefing, String memberId, WriteEvent audited) {
        transactions.inTransaction(tx -> {
            briefings.in(tx).markOpened(briefing.id(), memberId, clock.instant());
            audited.append(tx, briefing.id());
            return null;
        });
    }

    /** Whether the member may download the file: only after they chose to open it. */
    boolean openedBy(Briefing briefing, String memberId) {
        return briefing.recipient(memberId).map(recipient -> recipient.openedAt() != null).orElse(false);
    }

    Optional<MessageContent.File> describe(Briefing briefing) {
        return files.describe(briefing.caseId(), briefing.attachmentId());
    }

    Optional<MessageContent.File> file(Briefing briefing) {
        return files.file(briefing.caseId(), briefing.attachmentId());
    }

    /** The member would rather have it explained in a meeting; the case's family inspector hears of it by mail. */
    void requestMeeting(Briefing briefing, String memberId, WriteEvent audited) {
        transactions.inTransaction(tx -> {
            if (briefings.in(tx).requestMeeting(briefing.id(), memberId, clock.instant())) {
                notifyInspectors(tx, briefing.caseId(), "briefing-meeting-request:" + briefing.id() + ":" + memberId);
            }
            audited.append(tx, briefing.id());
            return null;
        });
        outbox.afterCommit();
    }

    /**
     * Links a member's meeting request to the interview proposal booked for it.
     *
     * @param proposalIsForMember whether the proposal is one of this case inviting this member
     */
    void linkMeeting(Briefing briefing, String memberId, String proposalId, boolean proposalIsForMember,
                            WriteEvent audited) {
        if (!Ids.isId(proposalId) || !proposalIsForMember) {
            throw ProblemException.invalid("proposalId", "Choose an interview proposal of this case for this member.");
        }
        transactions.inTransaction(tx -> {
            if (!briefings.in(tx).linkMeeting(briefing.id(), memberId, proposalId)) {
                throw new ProblemException(ProblemType.CONFLICT, "This member has not asked for a meeting.");
            }
            audited.append(tx, briefing.id());
            return null;
        });
    }

    /** A factual remark; refused once the deadline has passed. */
    Briefing.Remark remark(Briefing briefing, String memberId, String text, WriteEvent audited) {
        Instant now = clock.instant();
        if (!briefing.remarksOpenAt(now)) {
            throw new ProblemException(ProblemType.CONFLICT, "The time for remarks on this report has passed.");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_REMARK) {
            throw ProblemException.invalid("text", "Write a remark of at most " + MAX_REMARK + " characters.");
        }
        String id = Ids.newId();
        transactions.inTransaction(tx -> {
            briefings.in(tx).insertRemark(new BriefingRepository.SealedRemark(
                    id, briefing.id(), memberId, keys.seal(body.getBytes(StandardCharsets.UTF_8), remarkContext(id)),
                    now));
            notifyInspectors(tx, briefing.caseId(), "briefing-remark:" + id);
            audited.append(tx, briefing.id());
            return null;
        });
        outbox.afterCommit();
        return new Briefing.Remark(id, memberId, body, now);
    }

    /**
     * Publishes: the embargo ends and an update with the public report's address goes on the timeline for every
     * member (in the publication phase).
     */
    void publish(Briefing briefing, String inspectorId, String publicUrl, String text, List<String> phases,
                        WriteEvent audited) {
        String url = publicUrl(publicUrl);
        if (!briefing.embargoed()) {
            throw new ProblemException(ProblemType.CONFLICT, "This report is published already.");
        }
        Investigation investigation = cases.byId(briefing.caseId()).orElseThrow();
        String words = text == null || text.isBlank()
                ? "Het rapport is gepubliceerd / The report has been published: " + url
                : text.strip() + "\n\n" + url;
        timeline.post(investigation, inspectorId, words, PUBLICATION_PHASE, null, phases,
                      LocalDate.ofInstant(clock.instant(), Cases.ZONE), tx -> {
                    if (!briefings.in(tx).publish(briefing.id(), url, clock.instant())) {
                        throw new ProblemException(ProblemType.CONFLICT, "This report is published already.");
                    }
                    audited.append(tx, briefing.id());
                }, WriteEvent.NONE);
    }

    static String publicUrl(String given) {
        try {
            URI uri = given == null ? null : URI.create(given.strip());
            if (uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null
                && given.strip().length() <= 500) {
                return uri.toString();
            }
        } catch (IllegalArgumentException notAnAddress) {
            // Answered below like any other unusable address.
        }
        throw ProblemException.invalid("publicUrl", "Enter the https address of the published report.");
    }

    private Set<String> chosenMembers(String caseId, List<String> memberIds) {
        if (memberIds == null || memberIds.isEmpty()) {
            throw ProblemException.invalid("memberIds", "Choose at least one member.");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String memberId : memberIds) {
            if (!Ids.isId(memberId) || !members.isActiveIn(caseId, memberId) || !chosen.add(memberId)) {
                throw ProblemException.invalid("memberIds", "Choose members of this case, each once.");
            }
        }
        return chosen;
    }

    private void notifyInspectors(DbExecute tx, String caseId, String eventKey) {
        cases.in(tx).staff(caseId).stream()
                .filter(staff -> "FAMILY_INSPECTOR".equals(staff.role()))
                .flatMap(staff -> accounts.in(tx).byId(staff.accountId()).stream())
                .forEach(inspector -> outbox.enqueue(tx, new Mail(eventKey, inspector.id(), inspector.email(),
                                                                  MailTemplate.BRIEFING_NEWS, inspector.language(),
                                                                  Map.of(), Mail.Priority.NORMAL)));
    }

    private String open(KeyRing.Sealed sealed, String context) {
        return new String(keys.open(sealed, context), StandardCharsets.UTF_8);
    }

    private static String noteContext(String id) {
        return "briefing.note:" + id;
    }

    private static String remarkContext(String id) {
        return "briefing_remark.text:" + id;
    }
}
