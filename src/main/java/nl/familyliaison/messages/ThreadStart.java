package nl.familyliaison.messages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ProblemException;

/**
 * Who takes part in a new thread besides the case's family inspectors (who take part in all of them). A member
 * starts a thread with their family inspector, and only they take part; a family inspector chooses one or more
 * members of the case.
 */
public final class ThreadStart {

    private ThreadStart() {
    }

    /**
     * The memberships that take part.
     *
     * @param starter          the role of the person starting the thread
     * @param starterMembership their membership of the case, when they are a member
     * @param chosen           the memberships the starter asked for (null when none)
     * @param membersOfCase    the case's current memberships
     * @throws ProblemException 400 when a member chooses, or a family inspector chooses nobody or a non-member
     */
    public static Set<String> members(Role starter, Optional<String> starterMembership, List<String> chosen,
                                      Set<String> membersOfCase) {
        if (starter == Role.MEMBER) {
            if (chosen != null && !chosen.isEmpty()) {
                throw ProblemException.invalid("memberIds", "A member's message goes to the family inspector;"
                                                            + " leave memberIds out.");
            }
            return Set.of(starterMembership.orElseThrow(() -> new IllegalArgumentException("not a member")));
        }
        if (starter != Role.FAMILY_INSPECTOR) {
            throw new IllegalArgumentException("Only members and family inspectors start threads, not " + starter);
        }
        return chosenMembers(chosen, membersOfCase);
    }

    private static Set<String> chosenMembers(List<String> chosen, Set<String> membersOfCase) {
        if (chosen == null || chosen.isEmpty()) {
            throw ProblemException.invalid("memberIds", "Choose at least one member of the case.");
        }
        Set<String> members = new LinkedHashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) == null || !membersOfCase.contains(chosen.get(i))) {
                throw ProblemException.invalid("memberIds[" + i + "]", "This is not a member of this case.");
            }
            members.add(chosen.get(i));
        }
        return Set.copyOf(members);
    }
}
