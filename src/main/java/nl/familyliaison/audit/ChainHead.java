package nl.familyliaison.audit;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The end of the chain after {@code position} events: the chain hash of the last one. Position 0 is the empty chain,
 * whose hash is 32 zero bytes.
 */
record ChainHead(long position, byte[] hash) {

    static final ChainHead GENESIS = new ChainHead(0, new byte[CanonicalEncoding.DIGEST_LENGTH]);

    ChainHead {
        hash = hash.clone();
    }

    /** The head after appending the event {@code eventId} with {@code contentHash} to this chain. */
    ChainHead next(String eventId, byte[] contentHash) {
        long position = this.position + 1;
        return new ChainHead(position, AuditHashes.chainHash(hash, position, eventId, contentHash));
    }

    boolean hashEquals(byte[] other) {
        return Arrays.equals(hash, other);
    }

    String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHead head && head.position == position && Arrays.equals(head.hash, hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(position) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return position + " " + hashHex();
    }
}
