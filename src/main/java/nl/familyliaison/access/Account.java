package nl.familyliaison.access;

import java.util.Locale;

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

    /** Email addresses are compared without regard to case or surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A plausible address: one @, something on both sides, a dot in the domain, no spaces, at most 254 characters. */
    public static boolean isPlausibleEmail(String email) {
        return email != null && email.length() <= 254
               && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
