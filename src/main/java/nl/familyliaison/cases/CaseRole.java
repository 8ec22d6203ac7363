package nl.familyliaison.cases;

import java.util.Optional;

import nl.familyliaison.access.Authorization;

/**
 * How one account stands to one case: member (with their membership id, and the member they represent, if any),
 * family inspector, investigator, substitute for an absent family inspector of the case (with whom they stand in
 * for), or nothing.
 */
public record CaseRole(Optional<String> memberId, boolean familyInspector, boolean investigator,
                       Optional<String> substituteFor, Optional<Authorization.Representing> representing) {

    public static final CaseRole NONE = new CaseRole(Optional.empty(), false, false);

    public CaseRole(Optional<String> memberId, boolean familyInspector, boolean investigator) {
        this(memberId, familyInspector, investigator, Optional.empty(), Optional.empty());
    }

    /** Standing in for an absent family inspector (and not on the case in their own right). */
    public boolean substitute() {
        return substituteFor.isPresent() && !familyInspector;
    }

    public Authorization.CaseRelation relation() {
        return new Authorization.CaseRelation(memberId.isPresent(), familyInspector, investigator, substitute(),
                                              representing);
    }
}
