package nl.familyliaison.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The soak's reading of the service's GC log: old-generation collections only, judged first window to last. */
class SoakTest {

    private static final List<String> LOG = List.of(
            "[10.000s][info][gc] GC(1) Pause Young (Allocation Failure) 60M->20M(150M) 3.123ms",
            "[70.000s][info][gc] GC(2) Pause Full (Allocation Failure) 150M->50M(160M) 80.000ms",
            "[130.000s][info][gc] GC(3) Pause Full (Allocation Failure) 150M->52M(160M) 81.000ms",
            "[250.000s][info][gc] GC(4) Pause Full (Allocation Failure) 150M->70M(160M) 82.000ms");

    @Test
    void comparesTheHeapAfterOldCollectionsOfTheFirstAndLastThirds() {
        List<String> out = Soak.heap(LOG, 10, Duration.ofMinutes(4));
        assertEquals(List.of("heap after each old-generation collection (minute of the soak: MB):",
                             "  1.0: 50 MB", "  2.0: 52 MB", "  4.0: 70 MB",
                             "flat heap: 50 MB (first 1 min) -> 70 MB (last 1 min) = +40.0 % — goal within 10 %:"
                             + " NOT met"), out);
    }

    @Test
    void saysWhenThereIsNoOldCollectionToJudge() {
        assertEquals("flat heap: not measurable (0 old collections in the first 1 min, 0 in the last)",
                     Soak.heap(LOG.subList(0, 1), 10, Duration.ofMinutes(4)).getLast());
    }
}
