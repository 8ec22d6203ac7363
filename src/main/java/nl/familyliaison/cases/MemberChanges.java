package nl.familyliaison.cases;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * What the family inspector changes on a current membership: the name and relation entered for this case, the
 * phone number (theirs only), a mistyped address (mail that failed there is sent again to the corrected one), and
 * the invitation sent once more. Each write appends its audit event in its own transaction.
 */
public record MemberChanges(MemberRepository members, PhoneRepository phones, AccountRepository accounts, Outbox outbox,
                            Transactions transactions, Clock clock) {

    /** Loose on purpose: digits, spaces, + and -, 6 to 20 characters, at least 6 digits. */
    private static final Pattern PHONE = Pattern.compile("[0-9+ \\-]{6,20}");

    /** The details of a membership the family inspector keeps; {@code phone} null or blank for none. */
    public record Details(String displayName, Relation relation, String representsMemberId, String phone) {
    }

    /** Replaces the membership's details; {@code audited} (about the member) is appended in the same transaction. */
    public void update(String caseId, String memberId, Details details, WriteEvent audited) {
        Member member = current(caseId, memberId);
        String name = Members.checkedName(details.displayName());
        if (details.relation() == null) {
            throw ProblemException.invalid("relation", "Choose how this person stands to the case.");
        }
        String represents = representedMember(caseId, member, details);
        String phone = phone(details.phone());
        transactions.inTransaction(tx -> {
            members.in(tx).updateDetails(caseId, member.id(), name, details.relation(), represents);
            phones.in(tx).set(caseId, member.id(), phone);
            audited.append(tx, member.id());
            return null;
        });
    }

    /**
     * Corrects the member's address: whoever signed in through the old one is signed out, queued mail goes to the new
     * one and mail that failed for good is sent there again; {@code audited} (about the member) is appended in the
     * same transaction.
     *
     * @return how many failed mails were sent again
     */
    public int correctAddress(String caseId, String memberId, String email, String actorId, WriteEvent audited) {
        Member member = current(caseId, memberId);
        String canonical = EmailAddress.canonical(email);
        if (!EmailAddress.isPlausible(canonical)) {
            throw ProblemException.invalid("email", "Enter a valid email address.");
        }
        if (canonical.equals(member.email())) {
            throw ProblemException.invalid("email", "This is the address the member has already.");
        }
        int resent = transactions.inTransaction(tx -> {
            if (members.in(tx).activeElsewhereNotLedBy(member.accountId(), caseId, actorId, Cases.today(clock)) > 0) {
                throw new ProblemException(ProblemType.CONFLICT, "This person also takes part in a case of another "
                        + "family inspector. Their address is for all their cases: ask that family inspector or an "
                        + "administrator to correct it.");
            }
            if (accounts.in(tx).byEmail(canonical).isPresent()) {
                throw new ProblemException(ProblemType.CONFLICT, "This address belongs to another account.");
            }
            if (!accounts.in(tx).changeMemberEmail(member.accountId(), canonical, clock.instant())) {
                throw ProblemException.notFound();
            }
            int count = outbox.redirect(tx, member.accountId(), canonical);
            audited.append(tx, member.id());
            return count;
        });
        outbox.afterCommit();
        return resent;
    }

    /** Sends the invitation mail again; {@code audited} (about the member) is appended in the same transaction. */
    public String resendInvitation(String caseId, String memberId, WriteEvent audited) {
        Member member = current(caseId, memberId);
        transactions.inTransaction(tx -> {
            // A fresh key: the first invitation's key holds the time it was sent, which may be now.
            outbox.enqueue(tx, new Mail("member-invitation:" + member.id() + ":again:" + Ids.newId(),
                                        member.accountId(), member.email(), MailTemplate.MEMBER_INVITATION,
                                        member.language(), Map.of(), Mail.Priority.NORMAL));
            audited.append(tx, member.id());
            return null;
        });
        outbox.afterCommit();
        return member.id();
    }

    /** The phone numbers of the case's current members, by membership id (for its family inspector). */
    public Map<String, String> phonesOf(String caseId) {
        return phones.ofCase(caseId);
    }

    private Member current(String caseId, String memberId) {
        if (!Ids.isId(memberId)) {
            throw ProblemException.notFound();
        }
        return members.ofCase(caseId).stream()
                .filter(member -> member.id().equals(memberId) && member.isActive())
                .findFirst().orElseThrow(ProblemException::notFound);
    }

    private String representedMember(String caseId, Member member, Details details) {
        if (!details.relation().isRepresentative()) {
            if (details.representsMemberId() != null) {
                throw ProblemException.invalid("representsMemberId", "Only a representative represents a member.");
            }
            return null;
        }
        String represents = details.representsMemberId();
        if (!Ids.isId(represents) || represents.equals(member.id()) || !members.isActiveIn(caseId, represents)) {
            throw ProblemException.invalid("representsMemberId", "Choose the member this person represents.");
        }
        return represents;
    }

    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String stripped = phone.strip();
        if (!PHONE.matcher(stripped).matches() || stripped.chars().filter(Character::isDigit).count() < 6) {
            throw ProblemException.invalid("phone", "Enter 6 to 20 digits, spaces, + or -.");
        }
        return stripped;
    }
}
