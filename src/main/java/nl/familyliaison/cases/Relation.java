package nl.familyliaison.cases;

/** How a member stands to the case: the victim, next of kin, or someone representing a member. */
public enum Relation {
    VICTIM, PARTNER, PARENT, CHILD, SIBLING, OTHER_KIN,
    /** Representatives act for a named member. */
    LAWYER, GUARDIAN, SUPPORT_WORKER;

    public boolean isRepresentative() {
        return this == LAWYER || this == GUARDIAN || this == SUPPORT_WORKER;
    }
}
