package nl.familyliaison.access;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one canonical form of an email address, made once where an address enters the service (invitation, code
 * request, staff creation, staff sign-in) and compared byte for byte from then on (the columns use a binary
 * collation). Spaces around it are trimmed, the text is NFC-normalised, the whole address is case-folded and the
 * domain is written in its ASCII (IDNA) form. Nothing else is folded: {@code ánna@example.org} and
 * {@code anna@example.org} are two addresses, as they are two mailboxes.
 */
public final class EmailAddress {

    /** The longest address SMTP allows (RFC 5321 path limit minus the angle brackets). */
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /**
     * The canonical form of {@code raw}; null stays null. Never fails: an address it cannot read is left for
     * {@link #isPlausible} to refuse.
     */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        String local = Normalizer.normalize(text.substring(0, at).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return local + "@" + asciiDomain(text.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A plausible canonical address: one @, something on both sides, a dot in an all-ASCII domain, no spaces, at most
     * {@value #MAX_LENGTH} characters.
     */
    public static boolean isPlausible(String canonical) {
        return canonical != null && canonical.length() <= MAX_LENGTH
               && canonical.matches("[^@\\s]+@[\\x21-\\x3f\\x41-\\x7e]+\\.[\\x21-\\x3f\\x41-\\x7e]+");
    }

    /** The IDNA ASCII form of a domain (xn--…), or the domain as it is when it is not a valid IDN. */
    private static String asciiDomain(String domain) {
        try {
            return IDN.toASCII(domain).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAnIdn) {
            return domain;
        }
    }
}
