package nl.familyliaison.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.familyliaison.access.Role;
import nl.familyliaison.cases.CaseRepository;

/**
 * Who of a case can take part in its threads: its family inspectors (in every thread) and its current members (in the
 * threads they were chosen for). Read from the cases feature, never from its tables.
 *
 * @param inspectors     the accounts of the case's family inspectors
 * @param memberAccounts membership id → account, for current members only
 */
record Roster(List<String> inspectors, Map<String, String> memberAccounts) {

    static Roster of(CaseRepository cases, String caseId) {
        List<String> inspectors = cases.staff(caseId).stream()
                .filter(staff -> Role.FAMILY_INSPECTOR.name().equals(staff.role()))
                .map(CaseRepository.StaffOfCase::accountId)
                .toList();
        Map<String, String> members = new LinkedHashMap<>();
        cases.members(caseId).forEach(member -> members.put(member.memberId(), member.accountId()));
        return new Roster(inspectors, members);
    }

    /** The same roster with {@code inspectors} in charge of the case (a substitute instead of an absent one). */
    Roster inCharge(List<String> inspectors) {
        return new Roster(List.copyOf(inspectors), memberAccounts);
    }

    /** The accounts taking part in {@code thread}: the family inspectors, then its members who still are members. */
    List<String> accountsIn(MessageThread thread) {
        List<String> accounts = new ArrayList<>(inspectors);
        memberAccounts.forEach((memberId, accountId) -> {
            if (thread.memberIds().contains(memberId)) {
                accounts.add(accountId);
            }
        });
        return accounts;
    }
}
