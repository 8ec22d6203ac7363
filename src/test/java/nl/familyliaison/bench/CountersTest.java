package nl.familyliaison.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The GC time is read from jstat's answer by column name, whatever columns this JDK's jstat prints. */
class CountersTest {

    @Test
    void readsTheTotalGcTimeColumn() {
        String jstat = """
                 S0C   S1C   S0U   S1U  EC   EU   OC   OU   MC  MU  CCSC CCSU YGC YGCT FGC FGCT CGC CGCT   GCT
                 0.0   0.0   0.0   0.0  1.0  1.0  2.0  2.0  3.0 3.0 1.0  1.0   12 0.250   2 0.125   -    -  0.375
                """;
        assertEquals(0.375, Counters.column(jstat, "GCT"));
        assertEquals(2.0, Counters.column(jstat, "FGC"));
    }
}
