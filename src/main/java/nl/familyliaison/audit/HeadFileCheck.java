package nl.familyliaison.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import nl.familyliaison.audit.Verification.Break;

/**
 * Checks the head file's lines against the chain in the same pass as the walk, so a file with a line per sealed batch
 * costs no query per line: the walk reports each event as it passes it, in position order, and the lines naming that
 * position are compared there. A sealer appends its lines in position order; lines the walk cannot meet that way (out
 * of order because two sealers share the file, or beyond where the walk ended) are left for a look-up afterwards.
 */
final class HeadFileCheck {

    private final Iterator<ChainHead> lines;
    private final List<ChainHead> passedOver = new ArrayList<>();
    private ChainHead next;

    HeadFileCheck(Iterator<ChainHead> lines) {
        this.lines = lines;
        advance();
    }

    /** Compares the lines naming {@code position} with the chain hash the walk found there. */
    Optional<Break> passing(long position, String eventId, byte[] chainHash) {
        while (next != null && next.position() <= position) {
            if (next.position() < position) {
                passedOver.add(next);
            } else if (!next.hashEquals(chainHash)) {
                return Optional.of(new Break(position, eventId, Break.HEAD_FILE_DISAGREES));
            }
            advance();
        }
        return Optional.empty();
    }

    /** The lines the walk did not meet, to be looked up one by one. */
    Stream<ChainHead> rest() {
        Stream<ChainHead> unread = StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED),
                                                        false);
        return Stream.concat(Stream.concat(passedOver.stream(), Stream.ofNullable(next)), unread);
    }

    private void advance() {
        next = lines.hasNext() ? lines.next() : null;
    }
}
