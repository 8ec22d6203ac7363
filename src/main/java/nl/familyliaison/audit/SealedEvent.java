package nl.familyliaison.audit;

/**
 * An event as the chain holds it, for verification.
 *
 * @param position       its place in the chain
 * @param id             the event id
 * @param event          its content (the personal fields are null once purged), or null when the stored fields are
 *                       not a valid event at all: changed by hand
 * @param contentHash    the content hash stored at append
 * @param chainHash      the chain hash stored at sealing
 * @param personalDigest the digest of the erased personal fields, or null while they are still there
 * @param purged         whether retention erased the personal fields
 * @param purgeEventId   the "audit.purge" event that erased them, or null
 */
record SealedEvent(long position, String id, AuditEvent event, byte[] contentHash, byte[] chainHash,
                   byte[] personalDigest, boolean purged, String purgeEventId) {
}
