package nl.familyliaison.providers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * What a checked provider identity means here. DigiD: the assurance level must be one of the accepted ones; the subject
 * is only ever handled as a keyed hash, linked to one member account (and one account to one DigiD). Staff: the
 * configured claim names an existing, active staff account (sign-in never creates one); whether the provider asserted
 * a second factor decides whether the authenticator code is still asked.
 */
final class Identities {

    private final ProviderRepository identities;
    private final AccountRepository accounts;
    private final KeyRing keys;
    private final Transactions transactions;
    private final Clock clock;

    Identities(ProviderRepository identities, AccountRepository accounts, KeyRing keys, Transactions transactions,
               Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The DigiD assurance level must be one of the accepted ones; none accepted (not configured) refuses all. */
    static void requireAssurance(ProviderSettings settings, OidcClient.Identity identity) {
        if (identity.acr().isEmpty()) {
            throw Refusal.assurance("acr-missing");
        }
        if (!settings.acceptedAcr().contains(identity.acr().get())) {
            throw Refusal.assurance("acr-not-accepted");
        }
    }

    /** The member account DigiD's subject is linked to. */
    Account member(OidcClient.Identity identity) {
        return linkedAccount(identities, identity.subject())
                .flatMap(accounts::byId)
                .filter(account -> account.role() == Role.MEMBER)
                .filter(account -> account.status() == Account.Status.ACTIVE)
                .orElseThrow(() -> new Refusal(ProblemType.SIGN_IN_NOT_LINKED, "not-linked",
                                               "Sign in once with the code from your invitation, then link DigiD."));
    }

    /**
     * Links DigiD's subject to the member's account, its event appended in the same transaction.
     *
     * @throws Refusal when the subject belongs to another account, or the account already has another DigiD (only
     *                 the family inspector unlinks: someone who only reads the member's mail cannot swap it)
     */
    void link(String accountId, OidcClient.Identity identity, AccessAudit.Written audited) {
        transactions.inTransaction(tx -> {
            ProviderRepository rows = identities.in(tx);
            Optional<String> owner = linkedAccount(rows, identity.subject());
            if (owner.isPresent() && !owner.get().equals(accountId)) {
                throw new Refusal(ProblemType.IDENTITY_LINKED_ELSEWHERE, "linked-elsewhere",
                                  "This DigiD is linked to another account.");
            }
            if (owner.isEmpty()) {
                if (rows.linkedAt(accountId, Provider.DIGID).isPresent()) {
                    throw new Refusal(ProblemType.CONFLICT, "account-has-other-digid",
                                      "Your account is linked to another DigiD. Ask your family inspector to undo it.");
                }
                rows.link(accountId, Provider.DIGID, keys.mac(subjectValue(identity.subject())), clock.instant());
            }
            audited.append(tx, accountId);
            return null;
        });
    }

    Optional<Instant> linkedAt(String accountId) {
        return identities.linkedAt(accountId, Provider.DIGID);
    }

    boolean unlink(String accountId) {
        return identities.unlink(accountId, Provider.DIGID);
    }

    /** The active staff account the configured claim names. */
    Account staff(ProviderSettings settings, OidcClient.Identity identity) {
        Object claim = identity.claims().getClaim(settings.accountClaim());
        if (!(claim instanceof String value) || value.isBlank()) {
            throw noStaffAccount("claim-missing");
        }
        // An address the provider itself says it has not verified names nobody (a person may have typed it).
        if ("email".equals(settings.accountClaim())
            && Boolean.FALSE.equals(identity.claims().getClaim("email_verified"))) {
            throw noStaffAccount("email-not-verified");
        }
        return accounts.byEmail(EmailAddress.canonical(value))
                .filter(account -> account.role().isStaff())
                .filter(account -> account.status() == Account.Status.ACTIVE)
                .orElseThrow(() -> noStaffAccount("no-account"));
    }

    /** Whether the staff provider asserted a second factor (an amr value or an acr that counts as one). */
    static boolean multiFactor(ProviderSettings settings, OidcClient.Identity identity) {
        return identity.amr().stream().anyMatch(settings.mfaAmr()::contains)
               || identity.acr().filter(settings.mfaAcr()::contains).isPresent();
    }

    /**
     * The account the subject is linked to. Only the subject's keyed hash is stored, so it is looked up under every
     * configured key; one found under an older key is hashed again under the active key, so that the old key can be
     * retired once the members who linked under it have signed in.
     */
    private Optional<String> linkedAccount(ProviderRepository rows, String subject) {
        List<KeyRing.Sealed> hashes = keys.macsUnderEveryKey(subjectValue(subject));
        for (KeyRing.Sealed hash : hashes) {
            Optional<String> owner = rows.accountOf(Provider.DIGID, hash.bytes());
            if (owner.isPresent()) {
                if (hash != hashes.getFirst()) {
                    rows.rehash(owner.get(), Provider.DIGID, hashes.getFirst());
                }
                return owner;
            }
        }
        return Optional.empty();
    }

    /** What is hashed of a subject: bound to the provider. The subject itself is never stored. */
    private static String subjectValue(String subject) {
        return "account_identity.subject:" + Provider.DIGID.id() + ":" + subject;
    }

    private static Refusal noStaffAccount(String reason) {
        return new Refusal(ProblemType.SIGN_IN_NO_ACCOUNT, reason,
                           "There is no staff account here for this sign-in. Ask an administrator.");
    }
}
