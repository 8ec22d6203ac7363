package nl.familyliaison.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;

/**
 * The audit trail over HTTP: administrators verify the chain; members see who looked at their file (the events on
 * their cases made by others, with the staff member's name and role).
 */
public final class AuditService {

    private static final int ACCESS_LOG_LIMIT = 200;

    private final AuditVerifier verifier;
    private final AuditRepository events;
    private final AccountRepository accounts;
    private final Guards guards;
    private final Function<String, Collection<String>> casesOfMember;
    private final AccessAudit audit;

    /**
     * @param casesOfMember the ids of the cases a member belongs to
     */
    public AuditService(AuditVerifier verifier, AuditRepository events, AccountRepository accounts, Guards guards,
                        Function<String, Collection<String>> casesOfMember, AccessAudit audit) {
        this.audit = audit;
        this.verifier = verifier;
        this.events = events;
        this.accounts = accounts;
        this.guards = guards;
        this.casesOfMember = casesOfMember;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/audit/verification", guards.roles(Role.ADMIN), this::verify)
                .get("/api/access-log", guards.roles(Role.MEMBER), this::accessLog);
    }

    record VerificationAnswer(boolean ok, long checked, long pending, Verification.Break firstBreak) {
    }

    record AccessLogEntry(String who, Role role, String action, String objectType, Outcome outcome, Instant at) {
    }

    record AccessLog(List<AccessLogEntry> entries) {
    }

    private void verify(ServerRequest request, ServerResponse response) {
        Verification verification = verifier.verify();
        audit.record(request, Actor.of(request).orElseThrow().account(), "audit.verify", "audit-chain", null,
                     verification.ok() ? AccessAudit.Result.SUCCEEDED : AccessAudit.Result.FAILED);
        response.send(new VerificationAnswer(verification.ok(), verification.checked(), verification.pending(),
                                             verification.firstBreak().orElse(null)));
    }

    private void accessLog(ServerRequest request, ServerResponse response) {
        response.send(accessLogOf(Actor.of(request).orElseThrow().accountId()));
    }

    /** Who looked at the member's file, as GET /api/access-log shows it (the export's too). */
    public Object accessLogOf(String accountId) {
        List<AccessEntry> entries = events.byOthersOnCases(casesOfMember.apply(accountId), accountId,
                                                           ACCESS_LOG_LIMIT);
        Map<String, String> names = entries.stream()
                .map(AccessEntry::actorAccountId)
                .filter(id -> id != null)
                .distinct()
                .collect(Collectors.toMap(id -> id, id -> accounts.byId(id).map(Account::displayName)
                        .orElse("")));
        return new AccessLog(entries.stream()
                                            .map(entry -> new AccessLogEntry(
                                                    Optional.ofNullable(entry.actorAccountId()).map(names::get)
                                                            .orElse(""),
                                                    entry.actorRole() == null ? null : Role.valueOf(entry.actorRole()),
                                                    entry.action(), entry.objectType(), entry.outcome(), entry.at()))
                                            .toList());
    }
}
