package nl.familyliaison.providers;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Instant;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.access.Role;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.Member;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;

/**
 * The family inspector's view of a member's DigiD link: whether there is one, and undoing it when the member asks
 * (a lost or changed DigiD); the member then links again after signing in with the emailed code. Both audited on the
 * member, in the member's case. Undoing is idempotent: without a link it changes (and records as a change) nothing.
 */
record MemberLinkService(CaseAccess access, MemberRepository members, ProviderRepository identities,
                         Sessions sessions, Transactions transactions, Guards guards) {

    private static final String PATH = "/api/cases/{caseId}/members/{memberId}/digid-link";

    void routes(ApiRoutes routes) {
        routes.get(PATH, guards.roles(Role.FAMILY_INSPECTOR), this::show)
                .delete(PATH, guards.roles(Role.FAMILY_INSPECTOR), this::unlink);
    }

    record DigidLink(boolean linked, Instant linkedAt) {
    }

    private void show(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.digid-link.read",
                                                        "member");
        Member member = member(context, request);
        Instant linkedAt = identities.linkedAt(member.accountId(), Provider.DIGID).orElse(null);
        response.send(new DigidLink(linkedAt != null, linkedAt));
    }

    private void unlink(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.digid-unlink",
                                                        "member");
        Member member = member(context, request);
        boolean unlinked = transactions.inTransaction(tx -> {
            boolean found = identities.in(tx).unlink(member.accountId(), Provider.DIGID);
            if (found) {
                access.write(context, "case.members.digid-unlink", "member").append(tx, member.id());
            }
            return found;
        });
        if (unlinked) {
            // The usual reason is a DigiD that is no longer the member's: what it signed in ends with it.
            sessions.endAll(member.accountId(), "DIGID_UNLINKED");
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    /** The case's (current) member the address names; not found otherwise. */
    private Member member(CaseAccess.CaseContext context, ServerRequest request) {
        String memberId = request.path().pathParameters().get("memberId");
        return members.ofCase(context.caseId()).stream()
                .filter(member -> member.id().equals(memberId) && member.endedAt() == null)
                .findFirst()
                .orElseThrow(ProblemException::notFound);
    }
}
