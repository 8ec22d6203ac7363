package nl.familyliaison.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.familyliaison.support.TestDatabase;

/**
 * What is read just before and just after a row's measured seconds: the statements and commits the database has
 * received (MariaDB's global {@code Questions} and {@code Com_commit}: every client, the service's background work
 * included) and the service process's total GC pause time ({@code jstat -gc}'s GCT, read from the JVM's performance
 * data without attaching to it). {@code Com_commit} counts explicit COMMITs; an autocommitted write is not in it.
 */
record Counters(long statements, long commits, double gcSeconds) {

    /** Reads the counters for one service process; made per process, as each start is another JVM. */
    interface Probe {
        Counters read() throws Exception;
    }

    Counters minus(Counters before) {
        return new Counters(statements - before.statements, commits - before.commits, gcSeconds - before.gcSeconds);
    }

    static Probe of(String jdbcUrl, long servicePid) {
        // jstat first: it starts a JVM, which takes a while, and the database's counters are read as close to the
        // measured seconds as can be (just before they start; after the load has stopped).
        return () -> {
            double gc = gcSeconds(servicePid);
            Map<String, Long> status = globalStatus(jdbcUrl);
            return new Counters(status.get("Questions"), status.get("Com_commit"), gc);
        };
    }

    private static Map<String, Long> globalStatus(String jdbcUrl) throws Exception {
        Map<String, Long> status = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", TestDatabase.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(
                     "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')")) {
            while (rows.next()) {
                status.put(rows.getString(1), rows.getLong(2));
            }
        }
        return status;
    }

    /** The process's GC time so far in seconds (jstat's GCT column), NaN when jstat cannot read it. */
    static double gcSeconds(long pid) throws IOException, InterruptedException {
        Path jstat = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jstat");
        Process process = new ProcessBuilder(List.of(jstat.toString(), "-gc", String.valueOf(pid)))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            return Double.NaN;
        }
        return column(output, "GCT");
    }

    /** One column of jstat's two-line answer (a header line and a line of values). */
    static double column(String jstatOutput, String name) {
        String[] lines = jstatOutput.strip().split("\n");
        if (lines.length < 2) {
            return Double.NaN;
        }
        List<String> header = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        int index = header.indexOf(name);
        return index < 0 || index >= values.length ? Double.NaN : Double.parseDouble(values[index]);
    }
}
