package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import nl.familyliaison.platform.ProblemException;
import org.junit.jupiter.api.Test;

/** The administrators' case filter: everything optional, and whatever is sent must make sense. */
class CaseOverviewTest {

    private static final List<String> PHASES = List.of("START", "ANALYSIS");

    @Test
    void nothingSentMeansEveryCaseSoonestFirst() {
        assertEquals(new CaseOverview.Filter("", "", false, false),
                     CaseOverview.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PHASES));
        assertEquals(new CaseOverview.Filter("2026-12", "ANALYSIS", true, true),
                     CaseOverview.of(Optional.of(" 2026-12 "), Optional.of("ANALYSIS"), Optional.of("true"),
                                     Optional.of("-next-update"), PHASES));
    }

    @Test
    void whatMakesNoSenseIsRefused() {
        assertEquals("phase", refused(Optional.empty(), Optional.of("NOPE"), Optional.empty(), Optional.empty()));
        assertEquals("overdue", refused(Optional.empty(), Optional.empty(), Optional.of("yes"), Optional.empty()));
        assertEquals("sort", refused(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("title")));
        assertEquals("reference", refused(Optional.of("x".repeat(41)), Optional.empty(), Optional.empty(),
                                          Optional.empty()));
    }

    @Test
    void workingDaysBetweenTwoMoments() {
        assertEquals(0, WorkingDays.between(java.time.Instant.parse("2026-03-02T10:00:00Z"),
                                            java.time.Instant.parse("2026-03-02T15:00:00Z")));
        assertEquals(1, WorkingDays.between(java.time.Instant.parse("2026-03-06T10:00:00Z"),
                                            java.time.Instant.parse("2026-03-09T12:00:00Z")), "over a weekend");
        assertEquals(2, WorkingDays.between(java.time.Instant.parse("2026-03-02T10:00:00Z"),
                                            java.time.Instant.parse("2026-03-04T12:00:00Z")));
    }

    private static String refused(Optional<String> reference, Optional<String> phase, Optional<String> overdue,
                                  Optional<String> sort) {
        ProblemException problem = assertThrows(ProblemException.class,
                                                () -> CaseOverview.of(reference, phase, overdue, sort, PHASES));
        assertEquals(400, problem.type().status());
        return problem.errors().getFirst().field();
    }
}
