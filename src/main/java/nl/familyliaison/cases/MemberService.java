package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Instant;
import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Authorization.RepresentationScope;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.ratelimit.RateLimiter;

/** The members of a case, for its family inspector: invite, list, end a membership. */
public final class MemberService {

    private final Members members;
    private final CaseAccess access;
    private final RateLimiter limiter;
    private final Guards guards;
    private final Idempotency idempotency;

    public MemberService(Members members, CaseAccess access, RateLimiter limiter, Guards guards,
                         Idempotency idempotency) {
        this.idempotency = idempotency;
        this.members = members;
        this.access = access;
        this.limiter = limiter;
        this.guards = guards;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/cases/{caseId}/members", guards.roles(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR), this::list)
                .post("/api/cases/{caseId}/members", guards.roles(Role.FAMILY_INSPECTOR), this::invite)
                .delete("/api/cases/{caseId}/members/{memberId}", guards.roles(Role.FAMILY_INSPECTOR), this::end)
                .put("/api/cases/{caseId}/members/{memberId}/representation", guards.roles(Role.FAMILY_INSPECTOR),
                     this::represent);
    }

    record NewMember(String email, String displayName, Relation relation, String representsMemberId,
                     RepresentationScope representationScope, String language) {
    }

    record Representation(String representsMemberId, RepresentationScope representationScope) {
    }

    record MemberView(String id, String accountId, String displayName, String email, Relation relation,
                      String representsMemberId, RepresentationScope representationScope, Instant invitedAt,
                      Instant endedAt, boolean signedInOnce) {
        static MemberView of(Member member) {
            return new MemberView(member.id(), member.accountId(), member.displayName(), member.email(),
                                  member.relation(), member.representsMemberId(), member.representScope(),
                                  member.invitedAt(), member.endedAt(), member.signedInOnce());
        }
    }

    record MemberList(List<MemberView> members) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(request, caseId(request),
                                                        CaseAction.READ_MEMBERS, "case.members.read");
        response.send(new MemberList(members.ofCase(context.caseId()).stream().map(MemberView::of).toList()));
    }

    private void invite(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(request, caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.invite");
        NewMember body = Json.read(request, NewMember.class);
        limiter.consume("invitation-account", context.actor().accountId());
        Language language = body.language() == null ? Language.NL
                : Language.parse(body.language()).orElseThrow(
                        () -> ProblemException.invalid("language", "Choose nl or en."));
        Members.Invitation invitation = new Members.Invitation(body.email(), body.displayName(), body.relation(),
                                                               body.representsMemberId(),
                                                               body.representationScope(), language);
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> members.invite(context.caseId(), context.actor().accountId(), invitation,
                                        access.write(request, context, "case.members.invite", "member").with(claim)),
                memberId -> members.ofCase(context.caseId()).stream()
                        .filter(member -> member.id().equals(memberId)).map(MemberView::of).findFirst().orElseThrow());
        access.replayed(request, context, "case.members.invite", "member", answer);
        answer.send(response);
    }

    private void represent(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(request, caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.represent");
        String memberId = request.path().pathParameters().get("memberId");
        Representation body = Json.read(request, Representation.class);
        if (!Ids.isId(memberId)) {
            throw ProblemException.notFound();
        }
        members.represent(context.caseId(), memberId, body.representsMemberId(), body.representationScope(),
                          access.write(request, context, "case.members.represent", "member"));
        response.send(members.ofCase(context.caseId()).stream().filter(member -> member.id().equals(memberId))
                              .map(MemberView::of).findFirst().orElseThrow());
    }

    private void end(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(request, caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.end");
        String memberId = request.path().pathParameters().get("memberId");
        members.end(context.caseId(), memberId, access.write(request, context, "case.members.end", "member"));
        response.status(Status.NO_CONTENT_204).send();
    }
}
