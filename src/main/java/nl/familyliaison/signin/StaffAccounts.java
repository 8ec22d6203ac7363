package nl.familyliaison.signin;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.helidon.dbclient.DbExecute;

import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountCredentials;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.access.Role;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;

/**
 * Staff accounts: created (after a second administrator approved), listed, disabled and enabled, and given a new
 * enrolment link. Disabling and a new link end every session of the account at once; a new link also forgets its
 * passkeys.
 */
public record StaffAccounts(AccountRepository accounts, StaffAccountRepository rows, StaffEnrolment enrolment,
                            Sessions sessions, List<AccountCredentials> heldElsewhere, Outbox outbox,
                            Transactions transactions, Clock clock) {

    private static final Set<Role> STAFF = Set.of(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR, Role.ADMIN);

    /**
     * A new staff account (INVITED) and its invitation, stored together. Only the installation command calls this
     * directly; in the service an account comes into being when a second administrator approves a request for it.
     */
    public Invited create(String email, String displayName, Role role, Language language) {
        NewStaff checked = check(email, displayName, role, language);
        return transactions.inTransaction(tx -> createIn(tx, checked));
    }

    /**
     * The details of a staff account to create, checked and normalised.
     *
     * @throws ProblemException 400 for bad input, 409 when the address has an account already
     */
    public NewStaff check(String email, String displayName, Role role, Language language) {
        String address = EmailAddress.canonical(email);
        if (!EmailAddress.isPlausible(address)) {
            throw ProblemException.invalid("email", "Enter a valid email address.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw ProblemException.invalid("displayName", "Enter a name of at most 200 characters.");
        }
        if (role == null || !STAFF.contains(role)) {
            throw ProblemException.invalid("role", "Choose FAMILY_INSPECTOR, INVESTIGATOR or ADMIN.");
        }
        if (accounts.byEmail(address).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "There is already an account with this address.");
        }
        return new NewStaff(address, displayName.strip(), role, java.util.Objects.requireNonNull(language));
    }

    /** Creates the checked account and its invitation inside {@code tx} (the invitation mail goes with it). */
    public Invited createIn(DbExecute tx, NewStaff staff) {
        if (accounts.in(tx).byEmail(staff.email()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "There is already an account with this address.");
        }
        Account account = new Account(Ids.newId(), staff.role(), staff.email(), staff.displayName(),
                                      Account.Status.INVITED, staff.language());
        accounts.in(tx).insert(account, clock.instant());
        return new Invited(account, enrolment.invite(tx, account));
    }

    /** A staff account to create: a plausible address, a name, a staff role, a language. */
    public record NewStaff(String email, String displayName, Role role, Language language) {
    }

    public List<Account> list() {
        return accounts.staff();
    }

    /** The staff accounts with status, last sign-in and open invitation, for the administrators' page. */
    List<StaffAccountRepository.StaffListing> listing() {
        return rows.list();
    }

    /** Disables a staff account and ends its sessions; an administrator cannot disable themself. */
    public Account disable(String accountId, Actor by, AccessAudit.Written audited) {
        Account account = otherStaff(accountId, by, "You cannot disable your own account.");
        transactions.inTransaction(tx -> {
            accounts.in(tx).updateStatus(account.id(), Account.Status.DISABLED, clock.instant());
            audited.append(tx, account.id());
            return null;
        });
        sessions.endAll(account.id(), "ACCOUNT_DISABLED");
        return accounts.byId(account.id()).orElseThrow();
    }

    /**
     * The disabled staff account that {@code by} may ask to enable again (a second administrator approves).
     *
     * @throws ProblemException 404 not a staff account, 409 one's own or not disabled
     */
    public Account checkEnable(String accountId, Actor by) {
        Account account = otherStaff(accountId, by, "You cannot enable your own account.");
        if (account.status() != Account.Status.DISABLED) {
            throw new ProblemException(ProblemType.CONFLICT, "This account is not disabled.");
        }
        return account;
    }

    /**
     * Enables a disabled staff account inside {@code tx}: active with the password and app it had, or invited (its
     * unused link works again until it expires) if it never finished enrolment.
     *
     * @throws ProblemException 409 when it is no longer disabled
     */
    public void enableIn(DbExecute tx, String accountId) {
        if (!rows.in(tx).enable(accountId, clock.instant())) {
            throw new ProblemException(ProblemType.CONFLICT, "This account is not disabled any more.");
        }
    }

    /**
     * A new enrolment link, mailed to the account's own address (nobody else ever sees it): earlier links stop
     * working, password and authenticator secret are forgotten and every session ends, so the person sets up both
     * again. For an account that never signed in this is sending the invitation again.
     *
     * @throws ProblemException 404 not a staff account, 409 disabled (enable it first) or one's own account
     */
    void newEnrolmentLink(String accountId, Actor by, AccessAudit.Written audited) {
        Account account = otherStaff(accountId, by, "Ask a second administrator to make a new link for you.");
        // Never signed in: the invitation again; else a mail that says password and app were reset.
        boolean invited = rows.list().stream().filter(found -> found.id().equals(account.id()))
                .allMatch(found -> found.lastSignInAt() == null);
        transactions.inTransaction(tx -> {
            StaffAccountRepository in = rows.in(tx);
            in.closeOpenEnrolments(account.id(), clock.instant());
            if (!in.resetCredentials(account.id(), clock.instant())) {
                throw new ProblemException(ProblemType.CONFLICT, "This account is disabled. Enable it first.");
            }
            heldElsewhere.forEach(held -> held.forget(tx, account.id()));
            enrolment.invite(tx, account, invited ? MailTemplate.STAFF_INVITATION : MailTemplate.STAFF_NEW_LINK);
            audited.append(tx, account.id());
            return null;
        });
        outbox.afterCommit();
        sessions.endAll(account.id(), "CREDENTIALS_RESET");
    }

    private Account otherStaff(String accountId, Actor by, String ownAccount) {
        Account account = accounts.byId(accountId).filter(found -> found.role().isStaff())
                .orElseThrow(ProblemException::notFound);
        if (account.id().equals(by.accountId())) {
            throw new ProblemException(ProblemType.CONFLICT, ownAccount);
        }
        return account;
    }

    /** A created account and the token of its invitation link (only the one-off admin command shows it). */
    public record Invited(Account account, String enrolmentToken) {

        /** Where the invitation link points (after the service's address). */
        public String enrolmentPath() {
            return StaffEnrolment.enrolmentPath(enrolmentToken);
        }
    }
}
