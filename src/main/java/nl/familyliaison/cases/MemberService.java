package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
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

/**
 * The members of a case, for its family inspector: invite, list, change the details, correct the address, send the
 * invitation again, end a membership. Investigators list them (to invite them to interviews), without phone numbers.
 */
public final class MemberService {

    private final Members members;
    private final MemberChanges changes;
    private final CaseAccess access;
    private final RateLimiter limiter;
    private final Guards guards;
    private final Idempotency idempotency;

    public MemberService(Members members, MemberChanges changes, CaseAccess access, RateLimiter limiter,
                         Guards guards, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.members = members;
        this.changes = changes;
        this.access = access;
        this.limiter = limiter;
        this.guards = guards;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/cases/{caseId}/members", guards.roles(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR), this::list)
                .post("/api/cases/{caseId}/members", guards.roles(Role.FAMILY_INSPECTOR), this::invite)
                .put("/api/cases/{caseId}/members/{memberId}", guards.roles(Role.FAMILY_INSPECTOR), this::update)
                .put("/api/cases/{caseId}/members/{memberId}/email", guards.roles(Role.FAMILY_INSPECTOR),
                     this::correctAddress)
                .post("/api/cases/{caseId}/members/{memberId}/invitation", guards.roles(Role.FAMILY_INSPECTOR),
                      this::resendInvitation)
                .delete("/api/cases/{caseId}/members/{memberId}", guards.roles(Role.FAMILY_INSPECTOR), this::end)
                .put("/api/cases/{caseId}/members/{memberId}/representation", guards.roles(Role.FAMILY_INSPECTOR),
                     this::represent);
    }

    record NewMember(String email, String displayName, Relation relation, String representsMemberId,
                     RepresentationScope representationScope, String language) {
    }

    record Representation(String representsMemberId, RepresentationScope representationScope) {
    }

    /** {@code phone} only for the case's family inspector. */
    record MemberView(String id, String accountId, String displayName, String email, Relation relation,
                      String representsMemberId, RepresentationScope representationScope, Instant invitedAt,
                      Instant endedAt, boolean signedInOnce, String phone) {
        static MemberView of(Member member, Map<String, String> phones) {
            return new MemberView(member.id(), member.accountId(), member.displayName(), member.email(),
                                  member.relation(), member.representsMemberId(), member.representScope(),
                                  member.invitedAt(), member.endedAt(), member.signedInOnce(),
                                  phones.get(member.id()));
        }
    }

    record MemberList(List<MemberView> members) {
    }

    record NewAddress(String email) {
    }

    record AddressCorrected(MemberView member, int resentMails) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.READ_MEMBERS, "case.members.read");
        Map<String, String> phones = context.role().familyInspector() ? changes.phonesOf(context.caseId()) : Map.of();
        response.send(new MemberList(members.ofCase(context.caseId()).stream()
                                             .map(member -> MemberView.of(member, phones)).toList()));
    }

    private void update(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.update",
                                                        "member");
        MemberChanges.Details body = Json.read(request, MemberChanges.Details.class);
        String memberId = memberId(request);
        changes.update(context.caseId(), memberId, body, access.write(context, "case.members.update",
                                                                      "member"));
        response.send(view(context, memberId));
    }

    private void correctAddress(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.address",
                                                        "member");
        NewAddress body = Json.read(request, NewAddress.class);
        String memberId = memberId(request);
        int resent = changes.correctAddress(context.caseId(), memberId, body.email(), context.actor().accountId(),
                                            access.write(context, "case.members.address", "member"));
        response.send(new AddressCorrected(view(context, memberId), resent));
    }

    private void resendInvitation(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.reinvite",
                                                        "member");
        String memberId = memberId(request);
        limiter.consume("invitation-account", context.actor().accountId());
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), memberId, Status.ACCEPTED_202,
                claim -> changes.resendInvitation(context.caseId(), memberId,
                                                  access.write(context, "case.members.reinvite", "member")
                                                          .with(claim)),
                id -> view(context, id));
        access.replayed(context, "case.members.reinvite", "member", answer);
        answer.send(response);
    }

    private MemberView view(CaseAccess.CaseContext context, String memberId) {
        return members.ofCase(context.caseId()).stream().filter(member -> member.id().equals(memberId))
                .map(member -> MemberView.of(member, changes.phonesOf(context.caseId()))).findFirst().orElseThrow();
    }

    private static String memberId(ServerRequest request) {
        return request.path().pathParameters().get("memberId");
    }

    private void invite(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.invite",
                                                        "member");
        NewMember body = Json.read(request, NewMember.class);
        limiter.consume("invitation-account", context.actor().accountId());
        Language language = Language.given(request, "language", body.language());
        Members.Invitation invitation = new Members.Invitation(body.email(), body.displayName(), body.relation(),
                                                               body.representsMemberId(),
                                                               body.representationScope(), language);
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> members.invite(context.caseId(), context.actor().accountId(), invitation,
                                        access.write(context, "case.members.invite", "member").with(claim)),
                memberId -> view(context, memberId));
        access.replayed(context, "case.members.invite", "member", answer);
        answer.send(response);
    }

    private void represent(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.represent",
                                                        "member");
        String memberId = memberId(request);
        Representation body = Json.read(request, Representation.class);
        if (!Ids.isId(memberId)) {
            throw ProblemException.notFound();
        }
        members.represent(context.caseId(), memberId, body.representsMemberId(), body.representationScope(),
                          access.write(context, "case.members.represent", "member"));
        response.send(view(context, memberId));
    }

    private void end(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request),
                                                        CaseAction.MANAGE_MEMBERS, "case.members.end",
                                                        "member");
        String memberId = request.path().pathParameters().get("memberId");
        members.end(context.caseId(), memberId, access.write(context, "case.members.end", "member"));
        response.status(Status.NO_CONTENT_204).send();
    }
}
