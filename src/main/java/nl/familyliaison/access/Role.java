package nl.familyliaison.access;

/** What a person is in the service; it decides what they may do (DESIGN.md, "Users and roles"). */
public enum Role {
    /** A victim, next of kin, or their representative, invited to one or more cases. */
    MEMBER,
    /** Inspectorate staff assigned to a case as its family inspector. */
    FAMILY_INSPECTOR,
    /** Inspectorate staff assigned to a case to investigate; never reads messages. */
    INVESTIGATOR,
    /** Manages staff accounts and case assignments; never sees case content. */
    ADMIN;

    public boolean isStaff() {
        return this != MEMBER;
    }
}
