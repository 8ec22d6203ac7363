package nl.familyliaison.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.EmailAddress;
import nl.familyliaison.access.Role;
import nl.familyliaison.access.Secrets;

/**
 * Members sign in with a one-time code sent by mail: at least 8 digits, valid 10 minutes, usable once, at most 5
 * tries, stored only as a keyed hash bound to its challenge. Asking for a code answers the same whether or not the
 * address belongs to an account; for an unknown address no mail is sent and no code can ever match.
 */
record MemberSignIn(AccountRepository accounts, ChallengeRepository challenges, Outbox outbox, KeyRing keys,
                    Transactions transactions, Clock clock) {

    static final int CODE_DIGITS = 8;
    static final int MAX_ATTEMPTS = 5;
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /**
     * "Send me a code": a new challenge; a mail only when the address is a member's who may sign in and
     * {@code mayMail} (the per-address limit is not reached). Past that limit the challenge is made all the same,
     * bound to no account, so the answer cannot tell the two apart.
     */
    public CodeRequested requestCode(String email, boolean mayMail) {
        String address = EmailAddress.canonical(email);
        Optional<Account> member = accounts.byEmail(address)
                .filter(account -> mayMail)
                .filter(account -> account.role() == Role.MEMBER && account.status() != Account.Status.DISABLED);
        String challengeId = Ids.newId();
        String code = Secrets.digits(CODE_DIGITS);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(CODE_LIFETIME);
        transactions.inTransaction(tx -> {
            challenges.in(tx).insert(challengeId, member.map(Account::id).orElse(null),
                                     keys.mac(challengeId + ":" + code), now, expiresAt);
            member.ifPresent(account -> outbox.enqueue(tx, new Mail(
                    "sign-in-code:" + challengeId, account.id(), account.email(), MailTemplate.SIGN_IN_CODE,
                    account.language(),
                    Map.of("code", code, "minutes", String.valueOf(CODE_LIFETIME.toMinutes())),
                    Mail.Priority.SIGN_IN)));
            return null;
        });
        member.ifPresent(account -> outbox.afterCommit());
        return new CodeRequested(challengeId, expiresAt, member.isPresent());
    }

    /**
     * Checks a code against its challenge; the member's account when it matches.
     *
     * @throws SignInFailedException for every kind of failure alike
     */
    public Account checkCode(String challengeId, String code) {
        Instant now = clock.instant();
        ChallengeRepository.Challenge challenge = challenges.byId(challengeId).orElseThrow(MemberSignIn::failed);
        if (!challenges.countAttempt(challengeId, MAX_ATTEMPTS, now)
            || !keys.macMatches(challenge.codeHash(), challengeId + ":" + code)
            || challenge.accountId() == null
            || !challenges.use(challengeId, now)) {
            throw failed();
        }
        Account account = accounts.byId(challenge.accountId())
                .filter(found -> found.status() != Account.Status.DISABLED)
                .orElseThrow(MemberSignIn::failed);
        accounts.activateIfInvited(account.id(), now);
        return new Account(account.id(), account.role(), account.email(), account.displayName(),
                           Account.Status.ACTIVE, account.language());
    }

    private static SignInFailedException failed() {
        return new SignInFailedException("The code is not right, or it is no longer valid. Check the code, or ask for"
                                         + " a new one.");
    }

    /**
     * A started sign-in. {@code mailed} is for the audit trail only; it must never reach the answer.
     */
    public record CodeRequested(String challengeId, Instant expiresAt, boolean mailed) {
    }
}
