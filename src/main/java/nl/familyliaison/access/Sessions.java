package nl.familyliaison.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Transactions;

/**
 * Starting, finding and ending sessions. A session is a random 256-bit token known only to the client; the service
 * keeps its hash. Every sign-in makes a new token; idle and absolute limits end a session without any action.
 */
public record Sessions(SessionRepository sessions, Transactions transactions, Clock clock, Duration idleTimeout,
                       Duration absoluteTimeout, boolean codeOnlyLinks) {

    /** The audit action (and session method) of a member's sign-in with the emailed code. */
    public static final String MEMBER_CODE = "sign-in.member";

    /** How often last-seen is written: often enough for the idle limit, rarely enough not to write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /**
     * @param codeOnlyLinks members must sign in with DigiD: a session from the emailed code may only link it
     */
    public static Sessions create(DbClient db, Transactions transactions, Clock clock, Config config,
                                  boolean codeOnlyLinks) {
        return new Sessions(new SessionRepository(db), transactions, clock,
                            config.get("idle-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                            config.get("absolute-timeout").as(Duration.class).orElse(Duration.ofHours(12)),
                            codeOnlyLinks);
    }

    /**
     * Starts a session for {@code account}; the returned token goes into the cookie and nowhere else. The sign-in's
     * event (about the account) is appended in the session's own transaction: no session exists without its event.
     */
    public Started start(Account account, String device, String method, AccessAudit.Written audited) {
        boolean linkOnly = codeOnlyLinks && account.role() == Role.MEMBER && MEMBER_CODE.equals(method);
        String token = Secrets.token();
        String csrf = Secrets.hexToken();
        Instant now = clock.instant();
        String id = Ids.newId();
        transactions.inTransaction(tx -> {
            sessions.in(tx).insert(id, Secrets.hash(token), account.id(), csrf, device, now,
                                   now.plus(absoluteTimeout), method, linkOnly);
            audited.append(tx, account.id());
            return null;
        });
        Session session = new Session(id, account, csrf, device, now, now, now.plus(absoluteTimeout), null, method,
                                      linkOnly);
        return new Started(token, session);
    }

    /** The usable session for a token, refreshing its idle timer; empty when unknown, ended or expired. */
    public Optional<Session> resume(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Session> found = sessions.byTokenHash(Secrets.hash(token))
                .filter(session -> session.isUsableAt(now, idleTimeout));
        found.filter(session -> session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now))
                .ifPresent(session -> sessions.touch(session.id(), now));
        return found.map(session -> new Session(session.id(), session.account(), session.csrfToken(),
                                                session.device(), session.createdAt(),
                                                session.lastSeenAt().isAfter(now) ? session.lastSeenAt() : now,
                                                session.expiresAt(), null, session.method(),
                                                session.linkOnly()));
    }

    /** Ends a session that is replaced by a new one at sign-in. */
    public void signOut(Session session) {
        sessions.end(session.id(), "SIGNED_OUT", clock.instant());
    }

    /** Signs out, the event (about the account) appended in the same transaction as the session's end. */
    public void signOut(Session session, AccessAudit.Written audited) {
        transactions.inTransaction(tx -> {
            sessions.in(tx).end(session.id(), "SIGNED_OUT", clock.instant());
            audited.append(tx, session.account().id());
            return null;
        });
    }

    /**
     * Ends one of the account's own sessions, its event (about the account) appended in the same transaction; false
     * (and no event) when it has no such open session.
     */
    public boolean end(String accountId, String sessionId, AccessAudit.Written audited) {
        return transactions.inTransaction(tx -> {
            boolean ended = sessions.in(tx).endForAccount(sessionId, accountId, "ENDED_BY_OWNER",
                                                          clock.instant()) == 1;
            if (ended) {
                audited.append(tx, accountId);
            }
            return ended;
        });
    }

    public void endAll(String accountId, String reason) {
        sessions.endAll(accountId, reason, clock.instant());
    }

    /**
     * Deletes every session that ended before {@code before}: signed out or ended then, past its absolute limit, or
     * idle (its last request more than the idle timeout before that).
     *
     * @return how many were deleted
     */
    public long deleteEndedBefore(Instant before) {
        long total = 0;
        long deleted;
        do {
            deleted = sessions.deleteEndedBefore(before, before.minus(idleTimeout));
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    public List<SessionRepository.OpenSession> open(String accountId) {
        Instant now = clock.instant();
        return sessions.open(accountId, now, now.minus(idleTimeout));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /** A new session and its token. */
    public record Started(String token, Session session) {
    }
}
