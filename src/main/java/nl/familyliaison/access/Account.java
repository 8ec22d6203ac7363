package nl.familyliaison.access;

import nl.familyliaison.platform.Language;

/** A person who can sign in. */
public record Account(String id, Role role, String email, String displayName, Status status, Language language) {

    public enum Status {
        /** Created, but the person has not finished enrolment (staff) or first sign-in (member). */
        INVITED,
        ACTIVE,
        /** Switched off by an administrator: every session ends, no sign-in works. */
        DISABLED
    }

    /** The canonical form of an address; the rule is {@link EmailAddress#canonical}. */
    public static String normalizeEmail(String email) {
        return EmailAddress.canonical(email);
    }

    /** Whether a canonical address is plausible; the rule is {@link EmailAddress#isPlausible}. */
    public static boolean isPlausibleEmail(String email) {
        return EmailAddress.isPlausible(email);
    }
}
