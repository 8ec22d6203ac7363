package nl.familyliaison.approvals;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.helidon.dbclient.DbClient;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.Outcome;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.signin.StaffAccounts;

/**
 * Four eyes over HTTP, for administrators: asking for a staff account ({@code POST /api/staff}), to enable a disabled
 * one again ({@code POST /api/staff/{accountId}/enable}) or a case's staff ({@code PUT /api/cases/{caseId}/staff})
 * answers 202 with the waiting request; a different administrator approves or
 * rejects it. Every request, decision and refused decision goes into the audit trail.
 */
public record ApprovalService(Approvals approvals, CaseAccess caseAccess, AuditLog audit, Guards guards,
                              Idempotency idempotency) {

    /** Builds the feature from what it needs of the others. */
    public static ApprovalService create(DbClient db, StaffAccounts staffAccounts, CaseFeature cases, AuditLog audit) {
        CaseFeature.Parts parts = cases.parts();
        return new ApprovalService(new Approvals(new ApprovalRepository(db), staffAccounts, cases.staffAssignment(),
                                                 parts.accounts(), parts.outbox(), parts.transactions(),
                                                 parts.clock()),
                                   cases.access(), audit, parts.guards(), parts.idempotency());
    }

    public void routes(ApiRoutes routes) {
        routes.post("/api/staff", guards.roles(Role.ADMIN), this::requestStaff)
                .post("/api/staff/{accountId}/enable", guards.roles(Role.ADMIN), this::requestEnable)
                .put("/api/cases/{caseId}/staff", guards.roles(Role.ADMIN), this::requestCaseStaff)
                .get("/api/approval-requests", guards.roles(Role.ADMIN), this::pending)
                .post("/api/approval-requests/{requestId}/approval", guards.roles(Role.ADMIN), this::approve)
                .post("/api/approval-requests/{requestId}/rejection", guards.roles(Role.ADMIN), this::reject);
    }

    record NewStaff(String email, String displayName, Role role, String language) {
    }

    record StaffAssignment(String familyInspectorId, List<String> investigatorIds) {
    }

    record RequestView(String id, ApprovalRequest.Kind kind, ApprovalRequest.Status status, String requestedBy,
                       Instant requestedAt, String decidedBy, Instant decidedAt, String caseId,
                       ApprovalRequest.StaffDetails staffAccount, ApprovalRequest.CaseStaffDetails caseStaff,
                       ApprovalRequest.StaffEnableDetails staffEnable, String createdAccountId) {
        static RequestView of(ApprovalRequest request, String createdAccountId) {
            ApprovalRequest.Kind kind = request.kind();
            return new RequestView(request.id(), kind, request.status(), request.requestedBy(),
                                   request.requestedAt(), request.decidedBy(), request.decidedAt(), request.caseId(),
                                   kind == ApprovalRequest.Kind.STAFF_ACCOUNT ? Approvals.staffDetails(request) : null,
                                   kind == ApprovalRequest.Kind.CASE_STAFF
                                           ? Approvals.read(request, ApprovalRequest.CaseStaffDetails.class) : null,
                                   kind == ApprovalRequest.Kind.STAFF_ENABLE
                                           ? Approvals.read(request, ApprovalRequest.StaffEnableDetails.class) : null,
                                   createdAccountId);
        }
    }

    record RequestList(List<RequestView> requests) {
    }

    private void requestStaff(ServerRequest request, ServerResponse response) {
        NewStaff body = Json.read(request, NewStaff.class);
        Language language = Language.given(request, "language", body.language());
        ask(request, response, body, "approval.request.staff-account",
            (actor, audited) -> approvals.requestStaffAccount(actor, body.email(), body.displayName(), body.role(),
                                                              language, audited));
    }

    /** Asks for a change (202 with the waiting request), once per Idempotency-Key; a replay is audited too. */
    private void ask(ServerRequest request, ServerResponse response, Object body, String what,
                     BiFunction<Actor, WriteEvent, ApprovalRequest> asking) {
        Actor actor = Authentication.actor(request);
        AtomicReference<ApprovalRequest> asked = new AtomicReference<>();
        Idempotency.Answer answer = idempotency.create(
                request, actor.accountId(), Idempotency.fingerprint(body), Status.ACCEPTED_202,
                claim -> {
                    asked.set(asking.apply(actor, written(actor, what, null).with(claim)));
                    return asked.get().id();
                },
                id -> RequestView.of(asked.get(), null));
        if (answer.replayed()) {
            audit.append(event(actor, what, Outcome.SUCCEEDED)
                                 .object("approval-request", answer.objectId()).build());
        }
        answer.send(response);
    }

    private void requestEnable(ServerRequest request, ServerResponse response) {
        String accountId = request.path().pathParameters().get("accountId");
        if (!Ids.isId(accountId)) {
            throw ProblemException.notFound();
        }
        ask(request, response, accountId, "approval.request.staff-enable",
            (actor, audited) -> approvals.requestEnable(actor, accountId, audited));
    }

    private void requestCaseStaff(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = caseAccess.require(Authentication.actor(request), caseId(request),
                                                            CaseAction.ASSIGN_STAFF, "case.assign-staff");
        StaffAssignment body = Json.read(request, StaffAssignment.class);
        ApprovalRequest asked = approvals.requestCaseStaff(context.actor(), context.caseId(),
                                                           body.familyInspectorId(), body.investigatorIds(),
                                                           written(context.actor(),
                                                                   "approval.request.case-staff", context.caseId()));
        response.status(Status.ACCEPTED_202).send(RequestView.of(asked, null));
    }

    private void pending(ServerRequest request, ServerResponse response) {
        response.send(new RequestList(approvals.pending().stream().map(found -> RequestView.of(found, null))
                                              .toList()));
    }

    private void approve(ServerRequest request, ServerResponse response) {
        decide(request, response, true);
    }

    private void reject(ServerRequest request, ServerResponse response) {
        decide(request, response, false);
    }

    private void decide(ServerRequest request, ServerResponse response, boolean approve) {
        Actor actor = Authentication.actor(request);
        String id = request.path().pathParameters().get("requestId");
        String what = approve ? "approval.approve" : "approval.reject";
        Approvals.Decided decided;
        try {
            String caseId = approvals.caseOf(id).orElse(null);
            decided = approve
                    ? approvals.approve(id, actor, written(actor, what, caseId),
                                        (tx, accountId) -> audit.append(tx, event(actor, "staff.create",
                                                                                  Outcome.SUCCEEDED)
                                                .object("account", accountId).build()))
                    : approvals.reject(id, actor, written(actor, what, caseId));
        } catch (ProblemException refused) {
            // A decision on one's own request is the refusal four eyes exist for; other refusals are failures.
            audit.append(event(actor, what, approvals.isOwn(id, actor) ? Outcome.DENIED : Outcome.FAILED)
                                 .object("approval-request", Ids.isId(id) ? id : null).build());
            throw refused;
        }
        response.send(RequestView.of(decided.request(), decided.createdAccountId().orElse(null)));
    }

    /** The event about an approval request, appended in the transaction that writes it. */
    private WriteEvent written(Actor actor, String what, String caseId) {
        return (tx, requestId) -> audit.append(tx, event(actor, what, Outcome.SUCCEEDED)
                .object("approval-request", requestId).caseId(caseId).build());
    }

    private nl.familyliaison.audit.AuditEvent.Builder event(Actor actor, String what, Outcome outcome) {
        return audit.event(what, outcome).actor(actor.accountId(), actor.role().name())
                .request(actor.caller().requestId(), actor.caller().address());
    }
}
