package nl.familyliaison.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Investigation;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;

/**
 * A member asks to be removed; a family inspector of a case they are a current member of confirms; then, in one transaction, every
 * feature erases what it holds of the person ({@link Erasure}), their memberships end, and their account keeps only
 * its id: the address and name are replaced, the language preference reset, sessions and sign-in challenges deleted,
 * the account disabled. Retention does the same for members whose cases are all purged.
 *
 * <p>What stays: ids (other people's records point at the account: who wrote a message, who read an update), and the
 * audit trail, whose events carry the account id and never an address or name — with the account anonymised, the id
 * names nobody, and the chain is untouched, so it still verifies. Encrypted data is treated like clear data: whoever
 * holds the key could read it, so what the person wrote is deleted or replaced, not just left encrypted.
 */
public final class Removal {

    /** What a removed account is called from then on, in both languages. */
    static final String REMOVED_NAME = "Verwijderd / Removed";

    private final RemovalRepository requests;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final CaseRepository cases;
    private final List<Erasure> erasures;
    private final Outbox outbox;
    private final Transactions transactions;
    private final Clock clock;

    /** One feature's part of a removal: it deletes or replaces what it holds of the person, inside the transaction. */
    public interface Erasure {
        void erase(DbExecute tx, String accountId, String email);
    }

    Removal(RemovalRepository requests, AccountRepository accounts, MemberRepository members,
                   CaseRepository cases, List<Erasure> erasures, Outbox outbox, Transactions transactions,
                   Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.members = members;
        this.cases = cases;
        this.erasures = List.copyOf(erasures);
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the member's request (once; asking again gives the open one) and lets their family inspectors know. */
    RemovalRepository.Request request(Account member, AccessAudit.Written audited) {
        List<RemovalRepository.Request> open = requests.openOf(member.id());
        if (!open.isEmpty()) {
            return open.getFirst();
        }
        String id = Ids.newId();
        Instant now = clock.instant();
        transactions.inTransaction(tx -> {
            requests.in(tx).insert(id, member.id(), now);
            tellInspectors(tx, member.id(), MailTemplate.REMOVAL_REQUESTED, id, null);
            audited.append(tx, id);
            return null;
        });
        outbox.afterCommit();
        return new RemovalRepository.Request(id, member.id(), member.displayName(), now);
    }

    List<RemovalRepository.Request> openOf(String accountId) {
        return requests.openOf(accountId);
    }

    List<RemovalRepository.Request> openForInspector(String staffId) {
        return requests.openForInspector(staffId);
    }

    /**
     * Confirms an open request of a current member of one of the inspector's cases and erases the member's personal data.
     *
     * @return the removed account's id
     * @throws ProblemException 404 when there is no such open request for this inspector
     */
    String confirm(String requestId, String inspectorId, AccessAudit.Written audited) {
        RemovalRepository.Request request = requests.openForInspector(inspectorId).stream()
                .filter(open -> open.id().equals(requestId)).findFirst()
                .orElseThrow(ProblemException::notFound);
        Account member = accounts.byId(request.accountId()).orElseThrow(ProblemException::notFound);
        Instant now = clock.instant();
        transactions.inTransaction(tx -> {
            if (!requests.in(tx).confirm(request.id(), inspectorId, now)) {
                throw ProblemException.notFound();
            }
            // The other family inspectors of the person's cases learn that it was done (before the memberships end).
            tellInspectors(tx, member.id(), MailTemplate.REMOVAL_CONFIRMED, request.id(), inspectorId);
            erase(tx, member.id(), member.email(), now);
            audited.append(tx, member.id());
            return null;
        });
        outbox.afterCommit();
        return member.id();
    }

    /**
     * Retention's part: the members of a case that is being purged (inside its transaction) who have no other case
     * left that is not purged are forgotten as after a removal — their memberships have all ended, and there is
     * nothing left for them to see.
     *
     * @return how many accounts were forgotten
     */
    public long forgetFormerMembersOf(DbExecute tx, String caseId) {
        Instant now = clock.instant();
        List<RemovalRepository.Former> former = requests.in(tx).formerMembersOf(caseId);
        former.forEach(member -> erase(tx, member.accountId(), member.email(), now));
        return former.size();
    }

    /** How many members {@link #forgetFormerMembersOf} would forget now (for a dry run). */
    public long countFormerMembersOf(String caseId) {
        return requests.formerMembersOf(caseId).size();
    }

    private void erase(DbExecute tx, String accountId, String email, Instant now) {
        for (Erasure erasure : erasures) {
            erasure.erase(tx, accountId, email);
        }
        members.in(tx).endAllOf(accountId, now);
        accounts.in(tx).anonymise(accountId, "removed-" + accountId.replace("-", "") + "@removed.invalid",
                                  REMOVED_NAME, now);
    }

    /**
     * Mails every family inspector of a case the person is a member of now (one mail each, however many cases), but
     * {@code except}; the mail says only that there is something to see.
     */
    private void tellInspectors(DbExecute tx, String accountId, MailTemplate template, String requestId,
                                String except) {
        for (String caseId : cases.in(tx).ofMember(accountId).stream().map(Investigation::id).toList()) {
            cases.in(tx).staff(caseId).stream()
                    .filter(staff -> "FAMILY_INSPECTOR".equals(staff.role()) && !staff.accountId().equals(except))
                    .flatMap(staff -> accounts.in(tx).byId(staff.accountId()).stream())
                    .forEach(inspector -> outbox.enqueue(tx, new Mail(
                            template.folder() + ":" + requestId, inspector.id(), inspector.email(), template,
                            inspector.language(), Map.of(), Mail.Priority.NORMAL)));
        }
    }
}
