package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import nl.familyliaison.support.TestFolders;
import org.junit.jupiter.api.Test;

/** The chain head outside the database: a plain text line per sealed batch, read back as it was written. */
class HeadFileTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:01.5Z");

    @Test
    void linesAreAppendedInMissingFoldersAndReadBack() throws IOException {
        Path path = TestFolders.fresh("head-file").resolve("audit").resolve("chain-head.log");
        HeadFile file = new HeadFile(path);
        ChainHead first = ChainHead.GENESIS.next("event-1", new byte[32]);
        ChainHead second = first.next("event-2", new byte[32]);
        file.append(first, AT);
        file.append(second, AT.plusSeconds(1));

        assertEquals(List.of("1 " + first.hashHex() + " 2026-03-02T09:00:01.500Z",
                             "2 " + second.hashHex() + " 2026-03-02T09:00:02.500Z"),
                     Files.readAllLines(path));
        assertEquals(List.of(first, second), read(file));
    }

    @Test
    void aLineThatIsNotOneIsPassedOver() throws IOException {
        Path path = TestFolders.fresh("head-file").resolve("chain-head.log");
        ChainHead head = ChainHead.GENESIS.next("event-1", new byte[32]);
        Files.writeString(path, "# notes\n" + HeadFile.line(head, AT) + "\n2 0badc0de 2026\n3 " + head.hashHex()
                                + "\n4 \u00e9\u00e9 2026\n");
        assertEquals(List.of(head), read(new HeadFile(path)));
    }

    @Test
    void aMissingFileIsSaidToBeMissing() {
        HeadFile file = new HeadFile(TestFolders.fresh("head-file").resolve("none.log"));
        assertFalse(file.exists());
        assertTrue(read(file).isEmpty());
    }

    private static List<ChainHead> read(HeadFile file) {
        try (Stream<ChainHead> lines = file.lines()) {
            return lines.toList();
        }
    }
}
