package nl.familyliaison.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The figures as CSV (RFC 4180, comma-separated, one header line): the month totals as family inspector "all", then a
 * line per month and family inspector. A name that a spreadsheet would take for a formula is prefixed with a quote.
 */
final class FiguresCsv {

    static final List<String> HEADER = List.of("month", "family_inspector", "promises_due", "promises_kept_on_time",
                                               "questions_answered", "median_working_days_to_answer",
                                               "interviews_held", "interviews_not_held", "mails_failed_for_good");

    private FiguresCsv() {
    }

    static String of(KeptInformed.Report report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(HEADER.toArray(String[]::new)).get())) {
            for (KeptInformed.Figures figures : report.months()) {
                printer.printRecord(line(figures, "all"));
            }
            for (KeptInformed.Figures figures : report.inspectors()) {
                printer.printRecord(line(figures, figures.familyInspector() == null ? "none"
                        : safe(figures.familyInspector().displayName())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Object> line(KeptInformed.Figures figures, String who) {
        Double median = figures.medianWorkingDays();
        return List.of(figures.month(), who, figures.promisesDue(), figures.promisesKept(),
                       figures.questionsAnswered(), median == null ? "" : number(median), figures.interviewsHeld(),
                       figures.interviewsNotHeld(), figures.mailsFailed());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Keeps a name from being run as a formula when the file is opened in a spreadsheet. */
    static String safe(String name) {
        return !name.isEmpty() && "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
    }
}
