package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sixteen readers of one timeline at once: their access events share inserts (group commit), every read still has
 * its own event, and the statements and commits per read are printed for the benchmark notes.
 */
class TimelineCommitsTest {

    private static final int READERS = 16;
    private static final int READS_EACH = 25;
    private static final List<String> COUNTERS = List.of("Questions", "Com_commit", "Handler_commit", "Com_insert",
                                                         "Com_insert_select");

    @RegisterExtension
    static final TestService SERVICE = TestService.perClass(settings -> settings
            .set("rate-limits.api-client.capacity", "1000000"));

    @Test
    void concurrentReadsShareTheirEventsInserts() throws Exception {
        CaseFiles.OpenCase opened = new CaseFiles(SERVICE).open("commits-fi@inspectie.example", "COMMITS-1");
        Api api = opened.inspectorApi();
        String path = "/api/cases/" + opened.caseId() + "/timeline";
        long eventsBefore = Sql.count(SERVICE, "SELECT COUNT(*) FROM audit_event");
        Map<String, Long> before = status();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                running.add(readers.submit(() -> {
                    for (int n = 0; n < READS_EACH; n++) {
                        Reply reply = api.get(path);
                        assertEquals(200, reply.status(), reply::toString);
                    }
                    return null;
                }));
            }
            for (Future<?> reader : running) {
                reader.get();
            }
        }
        Map<String, Long> after = status();
        long reads = READERS * READS_EACH;
        long stored = Sql.count(SERVICE, "SELECT COUNT(*) FROM audit_event") - eventsBefore;
        StringBuilder figures = new StringBuilder("Per timeline read, " + READERS + " readers:");
        COUNTERS.forEach(name -> figures.append(String.format(" %s %.2f", name,
                                                              (after.get(name) - before.get(name)) / (double) reads)));
        System.out.println(figures + String.format(" (events stored per read %.2f)", stored / (double) reads));
        assertTrue(stored >= reads, "every read has its event");
        long batches = after.get("Com_insert_select") - before.get("Com_insert_select");
        assertTrue(batches > 0 && batches < stored,
                   batches + " batch inserts for " + stored + " events: events did not share inserts");
    }

    private static Map<String, Long> status() throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Connection connection = SERVICE.running().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                                                     + String.join("','", COUNTERS) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }
}
