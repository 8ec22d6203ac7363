package nl.familyliaison.passkeys;

import java.time.Clock;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountCredentials;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.RateLimiter;

/** Passkeys (WebAuthn) as the rest of the service sees them: one HTTP service, and what an account holds. */
public final class Passkeys {

    private Passkeys() {
    }

    /** Everything the feature needs: settings, its tables, accounts, the session start, limits, audit, keys. */
    public record Parts(Config config, DbClient db, AccountRepository accounts, SessionService sessions,
                        Guards guards, RateLimiter limiter, AccessAudit audit, KeyRing keys,
                        Transactions transactions, Clock clock, boolean membersNeedDigid) {
    }

    /** What an account holds here, forgotten at a staff reset or a removal: its passkeys. */
    public static AccountCredentials credentials() {
        return PasskeyRepository::forget;
    }

    public static PasskeyService create(Parts parts) {
        RelyingParty party = RelyingParty.from(parts.config(), parts.membersNeedDigid());
        PasskeyRepository passkeys = new PasskeyRepository(parts.db());
        Challenges challenges = new Challenges(new ChallengeRepository(parts.db()), parts.keys(), parts.clock());
        return new PasskeyService(new Registration(party, passkeys, challenges, parts.clock()),
                                  new PasskeySignIn(party, passkeys, parts.accounts(), challenges, parts.clock()),
                                  new PasskeyBook(passkeys, party, parts.transactions()), parts.sessions(),
                                  parts.guards(), parts.limiter(), parts.audit());
    }
}
