package nl.familyliaison.audit;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

import nl.familyliaison.audit.Verification.Break;

/**
 * Recomputes the access log's chain and reports the first break: (a) each event's content against its content hash,
 * (b) each chain hash, (c) positions 1..head without a gap, (d) the head row against the last event and no sealed
 * event beyond it, (e) every line of the head file against the chain hash at its position, compared as the walk passes
 * it, (f) that the head file reaches the head: missing or behind while the chain is longer, a rewrite of the table's
 * newest part could not be seen, so that fails too, (g) that every purged row is empty and its purge sealed
 * ({@link PurgeCheck}). Sealers may keep running meanwhile: the walk goes up to the head as it was when verification
 * began.
 */
public final class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class.getName());
    private static final int PAGE_SIZE = 1000;
    // A sealer writes the head file right after its commit; a verification that read the new head in between
    // gives that write a moment before calling the file behind.
    private static final int HEAD_FILE_LOOKS = 10;
    private static final long HEAD_FILE_LOOK_PAUSE_MS = 100;

    private final AuditRepository repository;
    private final HeadFile headFile;

    /**
     * @param headFile the head file the sealers write ({@link AuditSettings#headFile()})
     */
    public AuditVerifier(AuditRepository repository, Path headFile) {
        this.repository = repository;
        this.headFile = new HeadFile(headFile);
    }

    public Verification verify() {
        ChainHead head = repository.head();
        ChainWalk walk = new ChainWalk();
        try (Stream<ChainHead> lines = headFile.lines()) {
            HeadFileCheck file = new HeadFileCheck(lines.iterator());
            Optional<Break> found = walk(walk, file, head)
                    .or(() -> walk.end(head))
                    .or(this::sealedBeyondHead)
                    .or(() -> unsealedPurge(walk, head))
                    .or(() -> file.rest().map(this::checkLine).flatMap(Optional::stream).findFirst())
                    .or(() -> headFileReaches(head));
            return Verification.of(walk.checked(), repository.countPending(), found);
        }
    }

    private Optional<Break> walk(ChainWalk walk, HeadFileCheck file, ChainHead head) {
        long after = 0;
        while (after < head.position()) {
            List<SealedEvent> page = repository.chain(after, head.position(), PAGE_SIZE);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            for (SealedEvent event : page) {
                Optional<Break> found = walk.next(event)
                        .or(() -> file.passing(event.position(), event.id(), event.chainHash()));
                if (found.isPresent()) {
                    return found;
                }
            }
            after = page.getLast().position();
        }
        return Optional.empty();
    }

    // Honest sealing moves the head and the last position in one commit, and the head only grows: the highest
    // position read before the head can never exceed it, unless a row was put beyond the head by hand.
    private Optional<Break> sealedBeyondHead() {
        long highest = repository.maxPosition();
        ChainHead head = repository.head();
        if (highest <= head.position()) {
            return Optional.empty();
        }
        return repository.firstAfter(head.position())
                .map(link -> new Break(link.position(), link.eventId(), Break.CHAIN_MISMATCH));
    }

    // A purge event the walk did not reach is fine while it is still pending (the next sealer run seals it) or was
    // sealed beyond the head this verification started from; anything else means no purge was ever recorded.
    private Optional<Break> unsealedPurge(ChainWalk walk, ChainHead head) {
        return walk.unmetPurges().entrySet().stream()
                .filter(unmet -> !repository.isPurgeAfter(unmet.getKey(), head.position()))
                .map(Map.Entry::getValue)
                .min(Comparator.comparingLong(Break::position));
    }

    private Optional<Break> headFileReaches(ChainHead head) {
        if (head.position() == 0) {
            return Optional.empty();
        }
        long highest = headFile.highestPosition();
        for (int look = 1; highest < head.position() && look < HEAD_FILE_LOOKS; look++) {
            if (!pause()) {
                break;
            }
            highest = headFile.highestPosition();
        }
        if (highest >= head.position()) {
            return Optional.empty();
        }
        String reason = headFile.exists() ? Break.HEAD_FILE_BEHIND : Break.HEAD_FILE_MISSING;
        LOG.warning("The audit head file " + headFile.path() + " reaches position " + highest + " of "
                    + head.position() + ": " + reason);
        long position = highest + 1;
        return Optional.of(new Break(position, repository.linkAt(position).map(AuditRepository.Link::eventId)
                .orElse(null), reason));
    }

    private static boolean pause() {
        try {
            Thread.sleep(HEAD_FILE_LOOK_PAUSE_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A line the walk did not meet: looked up by its position. */
    private Optional<Break> checkLine(ChainHead line) {
        Optional<AuditRepository.Link> link = repository.linkAt(line.position());
        if (link.isEmpty()) {
            return Optional.of(new Break(line.position(), null, Break.HEAD_FILE_DISAGREES));
        }
        if (!line.hashEquals(link.get().chainHash())) {
            return Optional.of(new Break(line.position(), link.get().eventId(), Break.HEAD_FILE_DISAGREES));
        }
        return Optional.empty();
    }
}
