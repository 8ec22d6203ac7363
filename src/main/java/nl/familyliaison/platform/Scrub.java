package nl.familyliaison.platform;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes personal data from exception messages before they are logged or stored. Database and mail errors quote
 * what they refused: "Duplicate entry 'sam@example.org' for key 'uq_accounts_email'", "550 5.1.1
 * &lt;sam@example.org&gt;: Recipient address rejected". Logs and the outbox keep the kind of failure, never the
 * values: every email address becomes {@code <address>} and every quoted SQL literal {@code '…'}; quoted names of
 * keys, tables, columns and constraints stay, as they say where it went wrong.
 */
public final class Scrub {

    static final String ADDRESS = "<address>";
    static final String LITERAL = "'…'";

    /** Any word with an @ in it: wider than a valid address on purpose (a refused address is often invalid). */
    private static final Pattern ADDRESSES = Pattern.compile("[^\\s<>()\\[\\]'\"`,;:]*@[^\\s<>()\\[\\]'\"`,;:]*");
    /** A single-quoted literal ('' inside it is an escaped quote), unless it names a key, table, column, … */
    private static final Pattern LITERALS = Pattern.compile(
            "(?i)(?<!key |table |column |constraint |database |index |schema )'(?:[^']|'')*'");

    private Scrub() {
    }

    /** The message without addresses or SQL literal values; null stays null. */
    public static String text(String message) {
        if (message == null) {
            return null;
        }
        String withoutLiterals = LITERALS.matcher(message).replaceAll(LITERAL);
        return ADDRESSES.matcher(withoutLiterals).replaceAll(ADDRESS);
    }

    /**
     * A copy of {@code failure} for a log record: the same classes (by name), stack traces, causes and suppressed
     * exceptions, with every message scrubbed.
     */
    public static Throwable throwable(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return null;
        }
        Scrubbed copy = new Scrubbed(failure.getClass().getName(), text(failure.getMessage()));
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause() == failure ? null : copy(failure.getCause(), seen);
        if (cause != null) {
            copy.initCause(cause);
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            Throwable scrubbed = copy(suppressed, seen);
            if (scrubbed != null) {
                copy.addSuppressed(scrubbed);
            }
        }
        return copy;
    }

    /** Prints like the original ("java.sql.SQLException: …") so a log reads the same. */
    private static final class Scrubbed extends RuntimeException {
        private final String type;

        Scrubbed(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return message == null ? type : type + ": " + message;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
