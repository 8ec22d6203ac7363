package nl.familyliaison.appointments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.ProblemException;

/**
 * What an invited member needs to take part: an interpreter (in which language), accessibility needs (step-free
 * access, a quiet room, breaks …) and whether a support person comes along. It says much about a person, so it is
 * sealed, shown to staff of the case and to that member only, and never written into a mail or a calendar file.
 */
record Needs(String interpreterLanguage, String accessibility, boolean supportPerson) {

    static final int MAX_LANGUAGE = 60;
    static final int MAX_ACCESSIBILITY = 1000;

    /** The needs of one invited member as a proposal's request gives them. */
    record ForMember(String memberId, String interpreterLanguage, String accessibility, Boolean supportPerson) {
    }

    boolean isEmpty() {
        return interpreterLanguage.isEmpty() && accessibility.isEmpty() && !supportPerson;
    }

    /**
     * Checks the needs given with a proposal: each for one of the invited members, at most once; entries that say
     * nothing are left out.
     */
    static Map<String, Needs> checked(List<ForMember> given, List<String> invited) {
        Map<String, Needs> checked = new LinkedHashMap<>();
        List<ForMember> entries = given == null ? List.of() : new ArrayList<>(given);
        for (int i = 0; i < entries.size(); i++) {
            ForMember entry = entries.get(i);
            String field = "needs[" + i + "]";
            if (entry == null || entry.memberId() == null || !invited.contains(entry.memberId())) {
                throw ProblemException.invalid(field + ".memberId", "Give the needs of a member you invite.");
            }
            if (checked.containsKey(entry.memberId())) {
                throw ProblemException.invalid(field + ".memberId", "Give each member's needs once.");
            }
            Needs needs = new Needs(Texts.optional(field + ".interpreterLanguage", entry.interpreterLanguage(),
                                                   MAX_LANGUAGE),
                                    Texts.optional(field + ".accessibility", entry.accessibility(),
                                                   MAX_ACCESSIBILITY),
                                    Boolean.TRUE.equals(entry.supportPerson()));
            if (!needs.isEmpty()) {
                checked.put(entry.memberId(), needs);
            }
        }
        return checked;
    }
}
