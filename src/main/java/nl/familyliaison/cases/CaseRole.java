package nl.familyliaison.cases;

import java.util.Optional;

import nl.familyliaison.access.Authorization;

/**
 * How one account stands to one case: member (with their membership id), family inspector, investigator, or nothing.
 */
public record CaseRole(Optional<String> memberId, boolean familyInspector, boolean investigator) {

    public static final CaseRole NONE = new CaseRole(Optional.empty(), false, false);

    public Authorization.CaseRelation relation() {
        return new Authorization.CaseRelation(memberId.isPresent(), familyInspector, investigator);
    }
}
