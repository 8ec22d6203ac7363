package nl.familyliaison.approvals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Role;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.cases.StaffAssignment;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * Four eyes: an administrator cannot give anyone — themselves included, under another address — access to case
 * content alone. Creating a staff account, enabling a disabled one again and setting a case's staff are
 * <em>requested</em>; they wait until a
 * different administrator approves (the change is then made, in the same transaction as the decision) or rejects
 * them. Nobody decides on their own request, and the request is checked again when it is approved.
 */
record Approvals(ApprovalRepository requests, StaffAccounts staffAccounts, StaffAssignment assignment,
                 AccountRepository accounts, Outbox outbox, Transactions transactions, Clock clock) {

    /** Asks for a staff account; checked now (400/409), created only once approved. */
    ApprovalRequest requestStaffAccount(Actor by, String email, String displayName, Role role, Language language,
                                        WriteEvent audited) {
        StaffAccounts.NewStaff staff = staffAccounts.check(email, displayName, role, language);
        boolean waiting = requests.pending().stream()
                .filter(pending -> pending.kind() == ApprovalRequest.Kind.STAFF_ACCOUNT)
                .anyMatch(pending -> staffDetails(pending).email().equals(staff.email()));
        if (waiting) {
            throw new ProblemException(ProblemType.CONFLICT,
                                       "An account for this address is already waiting for approval.");
        }
        return insert(by, ApprovalRequest.Kind.STAFF_ACCOUNT, null, new ApprovalRequest.StaffDetails(
                staff.email(), staff.displayName(), staff.role().name(), staff.language().code()), audited);
    }

    /** Asks to enable a disabled staff account again; checked now (404/409), done only once approved. */
    ApprovalRequest requestEnable(Actor by, String accountId, WriteEvent audited) {
        Account account = staffAccounts.checkEnable(accountId, by);
        boolean waiting = requests.pending().stream()
                .filter(pending -> pending.kind() == ApprovalRequest.Kind.STAFF_ENABLE)
                .anyMatch(pending -> read(pending, ApprovalRequest.StaffEnableDetails.class).accountId()
                        .equals(account.id()));
        if (waiting) {
            throw new ProblemException(ProblemType.CONFLICT, "Enabling this account is already waiting for approval.");
        }
        return insert(by, ApprovalRequest.Kind.STAFF_ENABLE, null, new ApprovalRequest.StaffEnableDetails(
                account.id(), account.email(), account.displayName(), account.role().name()), audited);
    }

    /** Asks to set a case's staff; checked now (400), made only once approved. */
    ApprovalRequest requestCaseStaff(Actor by, String caseId, String familyInspectorId, List<String> investigatorIds,
                                     WriteEvent audited) {
        assignment.check(familyInspectorId, investigatorIds);
        return insert(by, ApprovalRequest.Kind.CASE_STAFF, caseId, new ApprovalRequest.CaseStaffDetails(
                familyInspectorId, investigatorIds == null ? List.of() : List.copyOf(investigatorIds)), audited);
    }

    List<ApprovalRequest> pending() {
        return requests.pending();
    }

    /** A request that was decided, and the account its approval created (if it made one). */
    record Decided(ApprovalRequest request, Optional<String> createdAccountId) {
    }

    /**
     * Approves someone else's pending request and makes the change, in one transaction with {@code decision} (about
     * the request) and {@code accountCreated} (about the account it creates, if it creates one).
     *
     * @throws ProblemException 404 unknown, 403 the decider's own request, 409 decided already or no longer possible
     */
    Decided approve(String id, Actor by, WriteEvent decision, WriteEvent accountCreated) {
        ApprovalRequest request = decidable(id, by);
        boolean requesterActive = accounts.byId(request.requestedBy())
                .filter(account -> account.role() == Role.ADMIN && account.status() == Account.Status.ACTIVE)
                .isPresent();
        if (!requesterActive) {
            throw new ProblemException(ProblemType.CONFLICT,
                                       "The administrator who asked for this is no longer active. Reject it.");
        }
        Optional<String> created = transactions.inTransaction(tx -> {
            decide(tx, request, ApprovalRequest.Status.APPROVED, by);
            decision.append(tx, request.id());
            Optional<String> account = apply(tx, request);
            account.ifPresent(accountId -> accountCreated.append(tx, accountId));
            return account;
        });
        outbox.afterCommit();
        return new Decided(requests.byId(id).orElseThrow(), created);
    }

    /** Rejects someone else's pending request: nothing changes. */
    Decided reject(String id, Actor by, WriteEvent decision) {
        ApprovalRequest request = decidable(id, by);
        transactions.inTransaction(tx -> {
            decide(tx, request, ApprovalRequest.Status.REJECTED, by);
            decision.append(tx, request.id());
            return null;
        });
        return new Decided(requests.byId(id).orElseThrow(), Optional.empty());
    }

    /** The case a request is about, if it names one (for its audit event). */
    Optional<String> caseOf(String id) {
        return (Ids.isId(id) ? requests.byId(id) : Optional.<ApprovalRequest>empty())
                .map(ApprovalRequest::caseId);
    }

    /** Whether {@code id} names a request and it is {@code by}'s own (for the audit trail of a refusal). */
    boolean isOwn(String id, Actor by) {
        return Ids.isId(id) && requests.byId(id).filter(found -> found.requestedBy().equals(by.accountId()))
                .isPresent();
    }

    private ApprovalRequest decidable(String id, Actor by) {
        ApprovalRequest request = (Ids.isId(id) ? requests.byId(id) : Optional.<ApprovalRequest>empty())
                .orElseThrow(ProblemException::notFound);
        if (request.requestedBy().equals(by.accountId())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                                       "You asked for this yourself. A second administrator must decide on it.");
        }
        if (request.status() != ApprovalRequest.Status.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "This request has been decided already.");
        }
        return request;
    }

    private void decide(DbExecute tx, ApprovalRequest request, ApprovalRequest.Status status, Actor by) {
        if (!requests.in(tx).decide(request.id(), status, by.accountId(), clock.instant())) {
            throw new ProblemException(ProblemType.CONFLICT, "This request has been decided already.");
        }
    }

    private Optional<String> apply(DbExecute tx, ApprovalRequest request) {
        return switch (request.kind()) {
            case STAFF_ACCOUNT -> {
                ApprovalRequest.StaffDetails staff = staffDetails(request);
                StaffAccounts.Invited invited = staffAccounts.createIn(tx, new StaffAccounts.NewStaff(
                        staff.email(), staff.displayName(), Role.valueOf(staff.role()),
                        new Language(staff.language())));
                yield Optional.of(invited.account().id());
            }
            case STAFF_ENABLE -> {
                staffAccounts.enableIn(tx, read(request, ApprovalRequest.StaffEnableDetails.class).accountId());
                yield Optional.empty();
            }
            case CASE_STAFF -> {
                ApprovalRequest.CaseStaffDetails staff = read(request, ApprovalRequest.CaseStaffDetails.class);
                assignment.apply(tx, request.caseId(), staff.familyInspectorId(), staff.investigatorIds(),
                                 request.id());
                yield Optional.empty();
            }
        };
    }

    private ApprovalRequest insert(Actor by, ApprovalRequest.Kind kind, String caseId, Object details,
                                   WriteEvent audited) {
        ApprovalRequest request = new ApprovalRequest(Ids.newId(), kind, caseId,
                                                      new String(Json.write(details), StandardCharsets.UTF_8),
                                                      ApprovalRequest.Status.PENDING, by.accountId(),
                                                      clock.instant(), null, null);
        transactions.inTransaction(tx -> {
            requests.in(tx).insert(request);
            audited.append(tx, request.id());
            return null;
        });
        return requests.byId(request.id()).orElseThrow();
    }

    static ApprovalRequest.StaffDetails staffDetails(ApprovalRequest request) {
        return read(request, ApprovalRequest.StaffDetails.class);
    }

    static <T> T read(ApprovalRequest request, Class<T> type) {
        try {
            return Json.mapper().readValue(request.details(), type);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable details of approval request " + request.id(), e);
        }
    }
}
