package nl.familyliaison.audit;

/**
 * One case of a member's file as the access log needs it, from the features that hold the case: who is on it now,
 * and which of its objects the member may see (the one authorization decision, item by item).
 */
public interface MemberFile {

    String caseId();

    /** Whether the account is staff of the case now: their refusals are shown with their name. */
    boolean isStaff(String accountId);

    /** Whether the account is a member of the case now: a relative, whose steps are never shown. */
    boolean isMember(String accountId);

    /** Whether the member may see the object an event names ({@code objectId} may be null). */
    boolean maySee(String objectType, String objectId);

    /** The member's file: the cases they may read now (an active membership), each as a {@link MemberFile}. */
    @FunctionalInterface
    interface Source {
        java.util.List<MemberFile> of(String memberAccountId);
    }
}
