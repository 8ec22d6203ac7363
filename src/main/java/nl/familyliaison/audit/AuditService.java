package nl.familyliaison.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;

/**
 * The audit trail over HTTP: administrators verify the chain; members see who looked at their file (what staff did on
 * their cases, with the staff member's name and role; see {@link MemberAccessLog} for what shows), page by page.
 */
public final class AuditService {

    private static final String CURSOR_PREFIX = "after:";

    private final AuditVerifier verifier;
    private final MemberAccessLog log;
    private final AccountRepository accounts;
    private final Guards guards;
    private final MemberFile.Source files;
    private final AccessAudit audit;
    private final java.time.Clock clock;

    /**
     * @param files the member's cases as the access log needs them
     */
    AuditService(AuditVerifier verifier, AuditRepository events, AccountRepository accounts, Guards guards,
                        MemberFile.Source files, AccessAudit audit, java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.verifier = verifier;
        this.log = new MemberAccessLog(events);
        this.accounts = accounts;
        this.guards = guards;
        this.files = files;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/audit/verification", guards.roles(Role.ADMIN), this::verify)
                .get("/api/access-log", guards.roles(Role.MEMBER), this::accessLog);
    }

    /** @param checkedAt when this check ran (the answer is never cached: each call walks the chain again) */
    record VerificationAnswer(boolean ok, long checked, long pending, Verification.Break firstBreak,
                              Instant checkedAt) {
    }

    /** What one line says: a staff member's step, or a refusal of someone without access (no name, no role). */
    enum Kind { STAFF, REFUSED_WITHOUT_ACCESS }

    record AccessLogEntry(Kind kind, String who, Role role, String action, String objectType, Outcome outcome,
                          Instant at) {
    }

    record AccessLog(List<AccessLogEntry> entries, String nextCursor) {
    }

    private void verify(ServerRequest request, ServerResponse response) {
        Verification verification = verifier.verify();
        audit.record(Caller.of(request), Authentication.actor(request).account(), "audit.verify", "audit-chain", null,
                     verification.ok() ? AccessAudit.Result.SUCCEEDED : AccessAudit.Result.FAILED);
        response.send(new VerificationAnswer(verification.ok(), verification.checked(), verification.pending(),
                                             verification.firstBreak().orElse(null), clock.instant()));
    }

    private void accessLog(ServerRequest request, ServerResponse response) {
        Optional<String> after = decode(request.query().first("cursor").asOptional().filter(s -> !s.isEmpty()));
        int limit = limit(request.query().first("limit").asOptional().orElse(null));
        String accountId = Authentication.actor(request).accountId();
        MemberAccessLog.Page page = log.page(accountId, files.of(accountId), after, limit);
        response.send(new AccessLog(entries(page.lines()),
                                    page.continueAfter().map(AuditService::encode).orElse(null)));
    }

    /** Who looked at the member's file, all of it (the export). */
    public Object accessLogOf(String accountId) {
        List<MemberFile> cases = files.of(accountId);
        List<AccessLogEntry> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            MemberAccessLog.Page page = log.page(accountId, cases, after, MemberAccessLog.MAX_LIMIT);
            all.addAll(entries(page.lines()));
            after = page.continueAfter();
        } while (after.isPresent());
        return new AccessLog(all, null);
    }

    private List<AccessLogEntry> entries(List<MemberAccessLog.Line> lines) {
        Map<String, String> names = new HashMap<>();
        return lines.stream().map(line -> {
            AccessEntry entry = line.entry();
            if (line.shown() == MemberAccessLog.Shown.REFUSED_WITHOUT_ACCESS) {
                return new AccessLogEntry(Kind.REFUSED_WITHOUT_ACCESS, null, null, null, null, entry.outcome(),
                                          entry.at());
            }
            String who = names.computeIfAbsent(entry.actorAccountId(), id -> accounts.byId(id)
                    .map(Account::displayName).orElse(""));
            return new AccessLogEntry(Kind.STAFF, who, Role.valueOf(entry.actorRole()), entry.action(),
                                      entry.objectType(), entry.outcome(), entry.at());
        }).toList();
    }

    private static int limit(String sent) {
        if (sent == null) {
            return MemberAccessLog.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(sent);
            if (limit >= 1 && limit <= MemberAccessLog.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other limit out of range.
        }
        throw ProblemException.invalid("limit", "Ask for 1 to " + MemberAccessLog.MAX_LIMIT + " entries.");
    }

    // The cursor is opaque to clients: inside is the id of the last event the page looked at.
    private static String encode(String eventId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + eventId).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(Optional<String> sent) {
        return sent.map(text -> {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String id = plain.startsWith(CURSOR_PREFIX) ? plain.substring(CURSOR_PREFIX.length()) : "";
                if (Ids.isId(id)) {
                    return id;
                }
            } catch (IllegalArgumentException malformed) {
                // Answered below, the same as any other cursor this service did not make.
            }
            throw MemberAccessLog.badCursor();
        });
    }
}
