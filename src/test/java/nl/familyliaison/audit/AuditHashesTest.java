package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The canonical encoding and the hashes over it: unambiguous, complete, and stable. */
class AuditHashesTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final AuditEvent EVENT = AuditEvents.caseRead(AT);

    @Test
    void fieldBoundariesCannotShift() {
        assertFalse(Arrays.equals(new CanonicalEncoding().text("ab").text("c").toByteArray(),
                                  new CanonicalEncoding().text("a").text("bc").toByteArray()));
        AuditEvent ab = AuditEvent.builder("case.read", Outcome.ALLOWED, AT).object("case", "ab").caseId("c").build();
        AuditEvent bc = AuditEvent.builder("case.read", Outcome.ALLOWED, AT).object("case", "a").caseId("bc").build();
        assertDifferent(AuditHashes.contentHash(ab), AuditHashes.contentHash(bc));
    }

    @Test
    void aMissingValueIsNotAnEmptyOne() {
        assertFalse(Arrays.equals(new CanonicalEncoding().text(null).toByteArray(),
                                  new CanonicalEncoding().text("").toByteArray()));
        AuditEvent none = AuditEvent.builder("case.read", Outcome.ALLOWED, AT).object("case", null).build();
        AuditEvent empty = AuditEvent.builder("case.read", Outcome.ALLOWED, AT).object("case", null).detail("").build();
        assertDifferent(AuditHashes.contentHash(none), AuditHashes.contentHash(empty));
    }

    @Test
    void everyFieldCountsInTheContentHash() {
        List<AuditEvent> variants = List.of(
                EVENT,
                AuditEvents.withActor(EVENT, "other"),
                with(EVENT, "MEMBER", EVENT.action(), EVENT.objectType(), EVENT.outcome(), EVENT.at()),
                with(EVENT, EVENT.actorRole(), "case.update", EVENT.objectType(), EVENT.outcome(), EVENT.at()),
                with(EVENT, EVENT.actorRole(), EVENT.action(), "message", EVENT.outcome(), EVENT.at()),
                with(EVENT, EVENT.actorRole(), EVENT.action(), EVENT.objectType(), Outcome.DENIED, EVENT.at()),
                with(EVENT, EVENT.actorRole(), EVENT.action(), EVENT.objectType(), EVENT.outcome(),
                     EVENT.at().plusNanos(1_000)),
                personal(EVENT, "other", EVENT.caseId(), EVENT.requestId(), EVENT.ip(), EVENT.detail()),
                personal(EVENT, EVENT.objectId(), "other", EVENT.requestId(), EVENT.ip(), EVENT.detail()),
                personal(EVENT, EVENT.objectId(), EVENT.caseId(), "other", EVENT.ip(), EVENT.detail()),
                personal(EVENT, EVENT.objectId(), EVENT.caseId(), EVENT.requestId(), "192.0.2.11", EVENT.detail()),
                personal(EVENT, EVENT.objectId(), EVENT.caseId(), EVENT.requestId(), EVENT.ip(), "other"));
        Set<String> hashes = new HashSet<>();
        variants.forEach(event -> hashes.add(HexFormat.of().formatHex(AuditHashes.contentHash(event))));
        assertEquals(variants.size(), hashes.size());
    }

    @Test
    void timeCountsToTheMicrosecondTheDatabaseKeeps() {
        AuditEvent sameMicrosecond = with(EVENT, EVENT.actorRole(), EVENT.action(), EVENT.objectType(),
                                          EVENT.outcome(), AT.plusNanos(999));
        assertArrayEquals(AuditHashes.contentHash(EVENT), AuditHashes.contentHash(sameMicrosecond));
    }

    @Test
    void erasedPersonalFieldsStillGiveTheSameContentHashThroughTheirDigest() {
        AuditEvent erased = new AuditEvent(null, EVENT.actorRole(), EVENT.action(), EVENT.objectType(), null, null,
                                           EVENT.outcome(), EVENT.at(), null, null, null);
        assertArrayEquals(AuditHashes.contentHash(EVENT),
                          AuditHashes.contentHash(erased, AuditHashes.personalDigest(EVENT)));
    }

    @Test
    void theChainHashBindsThePreviousHashThePositionTheIdAndTheContent() {
        byte[] content = AuditHashes.contentHash(EVENT);
        byte[] other = AuditHashes.contentHash(personal(EVENT, "other", null, null, null, null));
        byte[] previous = ChainHead.GENESIS.hash();
        byte[] hash = AuditHashes.chainHash(previous, 1, "event-1", content);
        assertDifferent(hash, AuditHashes.chainHash(AuditHashes.chainHash(previous, 1, "x", content), 1, "event-1",
                                                    content));
        assertDifferent(hash, AuditHashes.chainHash(previous, 2, "event-1", content));
        assertDifferent(hash, AuditHashes.chainHash(previous, 1, "event-2", content));
        assertDifferent(hash, AuditHashes.chainHash(previous, 1, "event-1", other));
    }

    /**
     * The expected values were computed outside Java, from the format as AuditHashes describes it (a few lines of
     * Python with hashlib), so they check the description as well as pin the format that stored chains rely on.
     */
    @Test
    void theHashesFollowTheWrittenDownFormat() {
        byte[] content = AuditHashes.contentHash(EVENT);
        assertEquals("71f3a8787b99ba0ffe3567e7a4c823e6027310217cc3efe237d6b8e3e873d245", hex(content));
        assertEquals("af97f889361a101869cb173c986a61688686d45c397fffc2c7a536ff0696afad",
                     hex(ChainHead.GENESIS.next("3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8", content).hash()));
    }

    private static AuditEvent with(AuditEvent event, String role, String action, String objectType, Outcome outcome,
                                   Instant at) {
        return new AuditEvent(event.actorAccountId(), role, action, objectType, event.objectId(), event.caseId(),
                              outcome, at, event.requestId(), event.ip(), event.detail());
    }

    private static AuditEvent personal(AuditEvent event, String objectId, String caseId, String requestId, String ip,
                                       String detail) {
        return new AuditEvent(event.actorAccountId(), event.actorRole(), event.action(), event.objectType(), objectId,
                              caseId, event.outcome(), event.at(), requestId, ip, detail);
    }

    private static void assertDifferent(byte[] one, byte[] other) {
        assertFalse(Arrays.equals(one, other), "the hashes should differ");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
