package nl.familyliaison.approvals;

import java.time.Instant;

/**
 * A change one administrator asked for and a different one decides on.
 *
 * @param caseId  the case of a {@link Kind#CASE_STAFF} request, else null
 * @param details what was asked, as JSON ({@link StaffDetails}, {@link StaffEnableDetails}, {@link CaseStaffDetails}
 *                or {@link AbsenceCoverDetails}); never case content
 */
record ApprovalRequest(String id, Kind kind, String caseId, String details, Status status, String requestedBy,
                       Instant requestedAt, String decidedBy, Instant decidedAt) {

    enum Kind {
        /** A new staff account (any staff role, also a further administrator). */
        STAFF_ACCOUNT,
        /** A case's family inspector and investigators. */
        CASE_STAFF,
        /** A disabled staff account enabled again (its access comes back). */
        STAFF_ENABLE,
        /** A substitute for a family inspector, named by an administrator (the substitute reaches their cases). */
        ABSENCE_COVER
    }

    enum Status { PENDING, APPROVED, REJECTED }

    /** The account an administrator asks to create. */
    record StaffDetails(String email, String displayName, String role, String language) {
    }

    /** The disabled account an administrator asks to enable again (name and address as they were when asked). */
    record StaffEnableDetails(String accountId, String email, String displayName, String role) {
    }

    /** The staff an administrator asks to put on a case (replacing its current staff). */
    record CaseStaffDetails(String familyInspectorId, java.util.List<String> investigatorIds) {
    }

    /** The substitute an administrator asks for, for whom and when (names as they were when asked). */
    record AbsenceCoverDetails(String absentId, String absentName, String substituteId, String substituteName,
                               java.time.LocalDate from, java.time.LocalDate until) {
    }
}
