package nl.familyliaison.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Role;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;

/**
 * Who works on a case: one family inspector and any number of investigators, all active staff in that role — never an
 * administrator, who has no case content. A change takes effect only after a second administrator approved it; then
 * the case's family inspector, the one before the change and the one after it, is told by mail (no case content), so
 * nobody is added to a case without its family inspector knowing.
 */
public record StaffAssignment(CaseRepository cases, AccountRepository accounts, Outbox outbox, Clock clock) {

    /**
     * The staff to assign, checked: each one an active family inspector or investigator, named once.
     *
     * @throws ProblemException 400 otherwise
     */
    public List<CaseRepository.Assignment> check(String familyInspectorId, List<String> investigatorIds) {
        List<CaseRepository.Assignment> assignments = new ArrayList<>();
        assignments.add(new CaseRepository.Assignment(staff(familyInspectorId, Role.FAMILY_INSPECTOR,
                                                            "familyInspectorId"), Role.FAMILY_INSPECTOR.name()));
        for (String investigator : investigatorIds == null ? List.<String>of() : investigatorIds) {
            assignments.add(new CaseRepository.Assignment(staff(investigator, Role.INVESTIGATOR, "investigatorIds"),
                                                          Role.INVESTIGATOR.name()));
        }
        if (assignments.stream().map(CaseRepository.Assignment::accountId).distinct().count() != assignments.size()) {
            throw ProblemException.invalid("investigatorIds", "Name each person once.");
        }
        return List.copyOf(assignments);
    }

    /**
     * Replaces the case's staff inside {@code tx} (checked again: someone may have been disabled meanwhile) and
     * queues a mail to the family inspector before and after the change.
     *
     * @param eventKey what caused the change (one mail per family inspector per change)
     */
    public void apply(DbExecute tx, String caseId, String familyInspectorId, List<String> investigatorIds,
                      String eventKey) {
        List<CaseRepository.Assignment> assignments = check(familyInspectorId, investigatorIds);
        Set<String> inspectors = new LinkedHashSet<>(inspectorsOf(tx, caseId));
        cases.in(tx).assignStaff(caseId, assignments, clock.instant());
        inspectors.addAll(inspectorsOf(tx, caseId));
        for (String inspectorId : inspectors) {
            accounts.in(tx).byId(inspectorId).filter(account -> account.status() != Account.Status.DISABLED)
                    .ifPresent(inspector -> outbox.enqueue(tx, new Mail(
                            "case-staff-changed:" + eventKey, inspector.id(), inspector.email(),
                            MailTemplate.CASE_STAFF_CHANGED,
                            inspector.language(), Map.of(), Mail.Priority.NORMAL)));
        }
    }

    private List<String> inspectorsOf(DbExecute tx, String caseId) {
        return cases.in(tx).staff(caseId).stream().filter(staff -> Role.FAMILY_INSPECTOR.name().equals(staff.role()))
                .map(CaseRepository.StaffOfCase::accountId).toList();
    }

    private String staff(String accountId, Role role, String field) {
        if (!Ids.isId(accountId)) {
            throw ProblemException.invalid(field, "Choose a staff member.");
        }
        return accounts.byId(accountId)
                .filter(account -> account.role() == role && account.status() == Account.Status.ACTIVE)
                .map(Account::id)
                .orElseThrow(() -> ProblemException.invalid(field, "This is not an active " + role.name()
                        .toLowerCase().replace('_', ' ') + "."));
    }
}
