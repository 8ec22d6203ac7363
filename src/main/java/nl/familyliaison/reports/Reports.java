package nl.familyliaison.reports;

import java.time.Clock;

import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Guards;
import nl.familyliaison.notify.Outbox;

/** Administrators' reports as the rest of the service sees them: one HTTP service built from what it reads. */
public final class Reports {

    private Reports() {
    }

    public static ReportService create(DbClient db, Outbox outbox, Guards guards, AccessAudit audit, Clock clock) {
        return new ReportService(new ReportRepository(db), outbox, guards, audit, clock);
    }
}
