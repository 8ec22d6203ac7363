package nl.familyliaison.audit;

/**
 * The hashes of the access log, all SHA-256 over a {@link CanonicalEncoding}. This is the written-down format of the
 * chain: an auditor can recompute it from a database dump with nothing but this description.
 *
 * <pre>
 * personal digest = SHA-256( text "fl-audit-personal-v1", text actor account id, text object id, text case id,
 *                            text request id, text ip, text detail )
 * content hash    = SHA-256( text "fl-audit-content-v1", text action, text actor role, text object type,
 *                            text outcome, text time ("uuuu-MM-dd HH:mm:ss.SSSSSS", UTC), digest personal digest )
 * chain hash(n)   = SHA-256( digest chain hash(n-1), number n, text event id, digest content hash(n) )
 * chain hash(0)   = 32 zero bytes
 * </pre>
 *
 * <p>The personal fields enter the content hash only through their digest. Retention can therefore erase them and
 * keep the digest: the content hash, and with it the chain, still verifies, and the fields that remain (what was done,
 * by which role, when, with what outcome) are still checked. Changing this format breaks every stored chain; the
 * version tags are there so a future format can be told apart.
 */
final class AuditHashes {

    private static final String PERSONAL_V1 = "fl-audit-personal-v1";
    private static final String CONTENT_V1 = "fl-audit-content-v1";

    private AuditHashes() {
    }

    static byte[] personalDigest(AuditEvent event) {
        return new CanonicalEncoding()
                .text(PERSONAL_V1)
                .text(event.actorAccountId())
                .text(event.objectId())
                .text(event.caseId())
                .text(event.requestId())
                .text(event.ip())
                .text(event.detail())
                .sha256();
    }

    static byte[] contentHash(AuditEvent event) {
        return contentHash(event, personalDigest(event));
    }

    /** The content hash of an event whose personal fields are known only by their digest (erased by retention). */
    static byte[] contentHash(AuditEvent event, byte[] personalDigest) {
        return new CanonicalEncoding()
                .text(CONTENT_V1)
                .text(event.action())
                .text(event.actorRole())
                .text(event.objectType())
                .text(event.outcome().name())
                .text(AuditTime.text(event.at()))
                .digest(personalDigest)
                .sha256();
    }

    static byte[] chainHash(byte[] previous, long position, String eventId, byte[] contentHash) {
        return new CanonicalEncoding()
                .digest(previous)
                .number(position)
                .text(eventId)
                .digest(contentHash)
                .sha256();
    }
}
