package nl.familyliaison.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import nl.familyliaison.platform.Database;
import nl.familyliaison.support.TestClock;
import nl.familyliaison.support.TestFolders;

/** The audit feature wired on one database as the service wires it, with a clock the test moves, a fresh head file. */
record AuditParts(TestClock clock, AuditRepository repository, AuditLog log, AuditSealer sealer,
                  AuditVerifier verifier, AuditRetention retention, Path headFile) {

    static AuditParts on(Database database, int batchSize) {
        return on(database, batchSize, TestFolders.fresh("audit").resolve("chain-head.log"));
    }

    static AuditParts on(Database database, int batchSize, Path headFile) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        AuditRepository repository = new AuditRepository(database.client());
        AuditSettings settings = new AuditSettings(Duration.ofSeconds(1), headFile, batchSize);
        return new AuditParts(clock, repository, new AuditLog(repository, clock),
                              new AuditSealer(repository, settings, clock), new AuditVerifier(repository, headFile),
                              new AuditRetention(repository, clock), headFile);
    }

    /** Every sealed event, in position order. */
    List<SealedEvent> chain() {
        return repository.chain(0, Long.MAX_VALUE, 10_000);
    }
}
