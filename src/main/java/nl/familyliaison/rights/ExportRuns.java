package nl.familyliaison.rights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * At most one export per member at a time, across every instance: a run holds a lease in the database, renews it
 * while it streams and gives it back when it ends, however it ends. The lease, not the run, is what is trusted: an
 * instance killed mid-export leaves a lease that expires, and then the member can export again.
 */
final class ExportRuns {

    private final ExportRunRepository runs;
    private final Duration lease;
    private final Clock clock;

    public ExportRuns(ExportRunRepository runs, Duration lease, Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalStateException("rights.export-lease must be a positive duration such as PT2M");
        }
        this.runs = runs;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Starts the member's export.
     *
     * @throws ProblemException 429 export-in-progress with Retry-After while another export of theirs runs
     */
    Run start(String accountId) {
        String runId = Ids.newId();
        Instant now = clock.instant();
        if (!runs.take(accountId, runId, now, now.plus(lease))) {
            Instant until = runs.expiry(accountId).orElse(now);
            long seconds = Math.max(1, Math.min(lease.toSeconds(), Duration.between(now, until).toSeconds()));
            throw new ProblemException(ProblemType.EXPORT_IN_PROGRESS,
                                       "Your download is already being made. Wait until it is finished, or try "
                                       + "again in a few minutes.", List.of(),
                                       Map.of("Retry-After", String.valueOf(seconds)));
        }
        return new Run(accountId, runId, now);
    }

    /** One running export; close it when the export ends. */
    final class Run implements AutoCloseable {

        private final String accountId;
        private final String runId;
        private Instant renewed;

        private Run(String accountId, String runId, Instant renewed) {
            this.accountId = accountId;
            this.runId = runId;
            this.renewed = renewed;
        }

        /**
         * Keeps the lease alive; called between files, it writes only once a quarter of the lease has passed.
         *
         * @throws IllegalStateException when the lease expired and another export took it over
         */
        void keepAlive() {
            Instant now = clock.instant();
            if (Duration.between(renewed, now).compareTo(lease.dividedBy(4)) < 0) {
                return;
            }
            if (!runs.renew(accountId, runId, now.plus(lease))) {
                throw new IllegalStateException("The export lease of " + accountId + " was taken over");
            }
            renewed = now;
        }

        @Override
        public void close() {
            runs.release(accountId, runId);
        }
    }
}
