package nl.familyliaison.access;

import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.logging.Logger;

import nl.familyliaison.platform.Causes;

/**
 * Writes addresses stored before addresses were canonical in the one canonical form of {@link EmailAddress}.
 * Migration V14 trimmed and case-folded them in SQL, but SQL can neither NFC-normalise a text nor write an
 * international domain in its ASCII form, so such an address would never match what a person types. This runs at
 * start-up, before the service takes requests. After V14 only an address with a non-ASCII character can still differ,
 * so only those rows are read, in batches in id order. A rewrite is one statement that changes the row only while it
 * still holds what was read: run again, or by several instances starting at once, each row changes once. An address
 * whose canonical form another row already holds is left as it is, with a warning that names the row's id, never
 * the address: two accounts are never merged into one. (Two such rows rewritten at the same moment by two instances
 * meet the column's unique key instead; the one it refuses is left as it is too.)
 */
public final class StoredAddresses {

    static final int BATCH = 200;
    private static final int DUPLICATE_ENTRY = 1062;
    private static final Logger LOG = Logger.getLogger(StoredAddresses.class.getName());

    /**
     * A column of addresses, read and written by its feature's repository.
     *
     * @param nonAsciiAfter up to {@code batch} rows whose address holds a non-ASCII character, ids after the given one
     * @param rewrite writes the canonical form while the row still holds what was read and no row it would clash
     *                with holds the canonical form; false otherwise
     * @param holds whether the row still holds what was read
     */
    public record Column(BiFunction<String, Integer, List<Stored>> nonAsciiAfter, BiPredicate<Stored, String> rewrite,
                         Predicate<Stored> holds) {
    }

    /** A row's id and the address it holds. */
    public record Stored(String id, String address) {
    }

    private final String rows;
    private final Column column;

    /** {@code rows} names the rows in log lines ("account", "outbox mail"). */
    public StoredAddresses(String rows, Column column) {
        this.rows = rows;
        this.column = column;
    }

    /** The accounts' sign-in addresses. */
    public static StoredAddresses ofAccounts(AccountRepository accounts) {
        return new StoredAddresses("account", accounts.emailAddresses());
    }

    /** Rewrites every address that is not yet canonical and can be; returns how many this call rewrote. */
    public long canonicaliseRemaining() {
        long rewritten = 0;
        String after = "";
        for (List<Stored> batch = column.nonAsciiAfter().apply(after, BATCH); !batch.isEmpty();
             batch = column.nonAsciiAfter().apply(after, BATCH)) {
            rewritten += batch.stream().filter(this::rewrite).count();
            after = batch.get(batch.size() - 1).id();
        }
        if (rewritten > 0) {
            LOG.info("Wrote " + rewritten + " " + rows + " address(es) stored before addresses were canonical in "
                     + "canonical form");
        }
        return rewritten;
    }

    private boolean rewrite(Stored row) {
        String canonical = EmailAddress.canonical(row.address());
        if (canonical.equals(row.address())) {
            return false;
        }
        if (canonical.length() > EmailAddress.MAX_LENGTH) {
            keep(row, "its canonical form is longer than an address can be");
            return false;
        }
        try {
            if (column.rewrite().test(row, canonical)) {
                return true;
            }
            if (column.holds().test(row)) {
                keep(row, "another row already holds its canonical form");
            }
            return false;
        } catch (RuntimeException e) {
            if (!Causes.any(e, cause -> cause instanceof SQLException sql
                                        && sql.getErrorCode() == DUPLICATE_ENTRY)) {
                throw e;
            }
            keep(row, "another row already holds its canonical form");
            return false;
        }
    }

    private void keep(Stored row, String why) {
        LOG.warning("The " + rows + " " + row.id() + " keeps an address that is not in canonical form: " + why);
    }
}
