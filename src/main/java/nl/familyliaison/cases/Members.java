package nl.familyliaison.cases;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * Who belongs to a case. The family inspector invites a person by email with their relation; the person gets a
 * member account (if they had none) and a mail that asks them to sign in — nothing about the case itself.
 * Ending a membership ends access at once.
 */
public record Members(MemberRepository members, AccountRepository accounts, Outbox outbox, Transactions transactions, Clock clock) {

    /** What the family inspector fills in. */
    public record Invitation(String email, String displayName, Relation relation, String representsMemberId,
                             Authorization.RepresentationScope scope, Language language) {
    }

    /** Invites; {@code audited} (about the member) is appended in the same transaction. */
    public String invite(String caseId, String invitedBy, Invitation invitation, WriteEvent audited) {
        String email = checkedEmail(invitation);
        MemberRepository.Represents represents = represents(caseId, null, invitation.relation(),
                                                            invitation.representsMemberId(), invitation.scope());
        Optional<Account> existing = accounts.byEmail(email);
        if (existing.isPresent() && existing.get().role() != Role.MEMBER) {
            throw new ProblemException(ProblemType.CONFLICT, "This address belongs to a staff account.");
        }
        // An existing account keeps its own name; this case shows what this inviter entered, nothing learnt
        // from another case.
        String name = invitation.displayName().strip();
        String memberId = transactions.inTransaction(tx -> {
            Account account = existing.orElseGet(() -> newMember(email, invitation));
            if (existing.isEmpty()) {
                accounts.in(tx).insert(account, clock.instant());
            }
            Optional<String> earlier = members.in(tx).anyOf(caseId, account.id());
            String id = earlier.orElseGet(Ids::newId);
            if (earlier.isPresent()) {
                members.in(tx).reopen(id, invitation.relation(), represents, invitedBy, name, clock.instant());
            } else {
                members.in(tx).insert(id, caseId, account.id(), invitation.relation(), represents, invitedBy, name,
                                      clock.instant());
            }
            outbox.enqueue(tx, new Mail("member-invitation:" + id + ":" + clock.instant().toEpochMilli(),
                                        account.id(), account.email(), MailTemplate.MEMBER_INVITATION,
                                        account.language(),
                                        Map.of(), Mail.Priority.NORMAL));
            audited.append(tx, id);
            return id;
        });
        outbox.afterCommit();
        return memberId;
    }

    public List<Member> ofCase(String caseId) {
        return members.ofCase(caseId);
    }

    /** Ends a membership; {@code audited} (about the member) is appended in the same transaction. */
    public void end(String caseId, String memberId, WriteEvent audited) {
        if (!Ids.isId(memberId)) {
            throw ProblemException.notFound();
        }
        transactions.inTransaction(tx -> {
            if (!members.in(tx).end(caseId, memberId, clock.instant())) {
                throw ProblemException.notFound();
            }
            audited.append(tx, memberId);
            return null;
        });
    }

    /** The invitation's address in its canonical form, once the address, name and relation are usable. */
    private static String checkedEmail(Invitation invitation) {
        String email = EmailAddress.canonical(invitation.email());
        if (!EmailAddress.isPlausible(email)) {
            throw ProblemException.invalid("email", "Enter a valid email address.");
        }
        checkedName(invitation.displayName());
        if (invitation.relation() == null) {
            throw ProblemException.invalid("relation", "Choose how this person stands to the case.");
        }
        return email;
    }

    /** A name entered for a case: 1 to 200 characters, stripped. */
    static String checkedName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw ProblemException.invalid("displayName", "Enter a name of at most 200 characters.");
        }
        return displayName.strip();
    }

    /**
     * Changes whom a representative represents and in which scope; {@code audited} (about the member) is appended in
     * the same transaction.
     */
    public void represent(String caseId, String memberId, String representsMemberId,
                          Authorization.RepresentationScope scope, WriteEvent audited) {
        Member member = members.ofCase(caseId).stream()
                .filter(found -> found.id().equals(memberId) && found.isActive()).findFirst()
                .orElseThrow(ProblemException::notFound);
        if (!member.relation().isRepresentative()) {
            throw new ProblemException(ProblemType.CONFLICT, "Only a lawyer, guardian or support worker represents a "
                                                             + "member.");
        }
        MemberRepository.Represents represents = represents(caseId, memberId, member.relation(), representsMemberId,
                                                            scope);
        transactions.inTransaction(tx -> {
            if (!members.in(tx).setRepresentation(caseId, memberId, represents)) {
                throw ProblemException.notFound();
            }
            audited.append(tx, memberId);
            return null;
        });
    }

    /**
     * Whom a representative ({@code self}, null while invited) represents: an active other member of the case, in
     * the scope chosen (the narrow one when none was).
     */
    private MemberRepository.Represents represents(String caseId, String self, Relation relation,
                                                   String representsMemberId,
                                                   Authorization.RepresentationScope scope) {
        if (!relation.isRepresentative()) {
            if (representsMemberId != null || scope != null) {
                throw ProblemException.invalid("representsMemberId", "Only a representative represents a member.");
            }
            return MemberRepository.Represents.NOBODY;
        }
        if (!Ids.isId(representsMemberId) || representsMemberId.equals(self)
            || !members.isActiveIn(caseId, representsMemberId)) {
            throw ProblemException.invalid("representsMemberId", "Choose the member this person represents.");
        }
        return new MemberRepository.Represents(representsMemberId, scope == null
                ? Authorization.RepresentationScope.MESSAGES_AND_INTERVIEWS : scope);
    }

    private static Account newMember(String email, Invitation invitation) {
        return new Account(Ids.newId(), Role.MEMBER, email, invitation.displayName().strip(), Account.Status.INVITED,
                           invitation.language());
    }
}
