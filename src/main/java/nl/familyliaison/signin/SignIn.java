package nl.familyliaison.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountCredentials;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.access.StoredAddresses;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Signing in as the rest of the service sees it: the HTTP services (sign-in, sessions, staff accounts), the staff accounts
 * that approvals and the create-admin command use, and the member codes that retention sweeps.
 */
public record SignIn(SignInService service, SessionService sessionService, StaffService staffService,
                     StaffAccounts staffAccounts, ChallengeRepository challenges) {

    /** Addresses stored before addresses were canonical are first written in canonical form, so they can sign in. */
    public static SignIn create(Config config, DbClient db, AccountRepository accounts, Sessions sessions,
                                Outbox outbox, KeyRing keys, RateLimiter limiter, Guards guards, AccessAudit audit,
                                Transactions transactions, List<AccountCredentials> heldElsewhere, Clock clock) {
        StoredAddresses.ofAccounts(accounts).canonicaliseRemaining();
        StaffAccountRepository staffRows = new StaffAccountRepository(db);
        StaffEnrolment enrolment = new StaffEnrolment(accounts, new EnrolmentRepository(db), staffRows, outbox, keys,
                                                      transactions, clock,
                                                      config.get("staff.enrolment-lifetime").as(Duration.class)
                                                              .orElse(Duration.ofDays(3)));
        StaffAccounts staffAccounts = new StaffAccounts(accounts, staffRows, enrolment, sessions, heldElsewhere, outbox,
                                                        transactions, clock);
        ChallengeRepository challenges = new ChallengeRepository(db);
        MemberSignIn members = new MemberSignIn(accounts, challenges, outbox, keys, transactions, clock);
        SessionService sessionService = new SessionService(sessions, guards, audit);
        SignInService service = new SignInService(members, new StaffSignIn(accounts, staffRows, keys, clock), enrolment,
                                                  sessionService, new SignInLimits(limiter, config.get("sign-in")),
                                                  audit);
        return new SignIn(service, sessionService, new StaffService(staffAccounts, guards, audit), staffAccounts,
                          challenges);
    }
}
