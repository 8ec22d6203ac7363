package nl.familyliaison.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import nl.familyliaison.platform.ProblemException;
import org.junit.jupiter.api.Test;

/** The figures' rules without a server: the median, the period asked for, names that must not run as formulas. */
class KeptInformedRulesTest {

    @Test
    void theMedianOfWorkingDays() {
        assertNull(KeptInformed.median(List.of()));
        assertEquals(2.0, KeptInformed.median(List.of(5, 2, 0)));
        assertEquals(1.5, KeptInformed.median(List.of(2, 1)));
        assertEquals(3.5, KeptInformed.median(List.of(9, 1, 3, 4)));
    }

    @Test
    void thePeriodIsOneToTwentyFourMonths() {
        assertEquals(12, KeptInformed.months(null));
        assertEquals(1, KeptInformed.months("1"));
        assertEquals(24, KeptInformed.months("24"));
        for (String wrong : List.of("0", "25", "-1", "abc", "", "1.5", "99999999999")) {
            assertEquals(400, assertThrows(ProblemException.class, () -> KeptInformed.months(wrong)).type().status(), wrong);
        }
    }

    @Test
    void aNameThatLooksLikeAFormulaIsQuotedInTheCsv() {
        assertEquals("'=HYPERLINK(\"x\")", FiguresCsv.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+31", FiguresCsv.safe("+31"));
        assertEquals("'@SUM(A1)", FiguresCsv.safe("@SUM(A1)"));
        assertEquals("Anna de Vries", FiguresCsv.safe("Anna de Vries"));
    }

    @Test
    void theCsvHasItsHeaderAndQuotesCommas() {
        KeptInformed.Figures march = new KeptInformed.Figures("2026-03", new KeptInformed.Person("1", "Vries, Anna"),
                                                              2, 1, 2, 1.5, 1, 0, 3);
        String csv = FiguresCsv.of(new KeptInformed.Report("2026-03", "2026-03", List.of(march), List.of(march)));
        assertEquals(List.of(String.join(",", FiguresCsv.HEADER), "2026-03,all,2,1,2,1.5,1,0,3",
                             "2026-03,\"Vries, Anna\",2,1,2,1.5,1,0,3"), csv.lines().toList());
    }
}
