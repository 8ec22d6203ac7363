package nl.familyliaison.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The chain head written outside the database, one line per sealed batch: {@code position hashhex time}. Someone who
 * rewrites the whole audit table, recomputing every hash, cannot make these lines agree with it too.
 */
final class HeadFile {

    private final Path path;

    HeadFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Appends a line for {@code head} and forces it to disk: it is evidence. */
    synchronized void append(ChainHead head, Instant at) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        byte[] line = (line(head, at) + "\n").getBytes(StandardCharsets.US_ASCII);
        // APPEND: each line goes to the end in one write, even with several sealers on one file.
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                                    StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    static String line(ChainHead head, Instant at) {
        return head.position() + " " + head.hashHex() + " " + at;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /** The highest position a well-formed line names; 0 when there is none. */
    long highestPosition() {
        try (Stream<ChainHead> lines = lines()) {
            return lines.mapToLong(ChainHead::position).max().orElse(0);
        }
    }

    /** The well-formed lines, in file order; none when there is no file. The caller closes the stream. */
    Stream<ChainHead> lines() {
        if (!exists()) {
            return Stream.empty();
        }
        try {
            // Latin-1 reads any byte, so a garbled line is passed over like any other line that is not one.
            return Files.lines(path, StandardCharsets.ISO_8859_1).map(HeadFile::parse).flatMap(Optional::stream);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit head file " + path, e);
        }
    }

    /** A line's position and hash; empty for a line that is not one (such as one cut short by a crash). */
    static Optional<ChainHead> parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(new ChainHead(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1])));
    }
}
