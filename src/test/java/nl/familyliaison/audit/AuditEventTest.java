package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** An event that was built can be stored as it is: every field is checked when it is made. */
class AuditEventTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anAnonymousEventNeedsOnlyWhatWhichObjectHowAndWhen() {
        AuditEvent event = AuditEvent.builder("sign-in.member", Outcome.FAILED, AT).object("account", null).build();
        assertNull(event.actorAccountId());
        assertNull(event.actorRole());
        assertEquals("sign-in.member", event.action());
    }

    @Test
    void theActionAndObjectTypeAreRequiredPlainNames() {
        assertThrows(NullPointerException.class,
                     () -> AuditEvent.builder("case.read", Outcome.ALLOWED, AT).build());
        assertThrows(IllegalArgumentException.class,
                     () -> AuditEvent.builder("Case Read", Outcome.ALLOWED, AT).object("case", null).build());
        assertThrows(NullPointerException.class,
                     () -> AuditEvent.builder("case.read", null, AT).object("case", null).build());
        assertThrows(NullPointerException.class,
                     () -> AuditEvent.builder("case.read", Outcome.ALLOWED, null).object("case", null).build());
    }

    @Test
    void identifiersAndAddressesAreVisibleAsciiOfBoundedLength() {
        assertThrows(IllegalArgumentException.class, () -> event().object("case", "case id with spaces").build());
        assertThrows(IllegalArgumentException.class, () -> event().object("case", "zaak-é").build());
        assertThrows(IllegalArgumentException.class, () -> event().caseId("x".repeat(37)).build());
        assertThrows(IllegalArgumentException.class, () -> event().request("r", "").build());
        assertEquals("2001:db8::1", event().request("r", "2001:db8::1").build().ip());
    }

    @Test
    void timeIsKeptToTheMicrosecondLikeTheDatabase() {
        AuditEvent event = AuditEvent.builder("case.read", Outcome.ALLOWED, AT.plusNanos(123_456_789))
                .object("case", null).build();
        assertEquals(AT.plusNanos(123_456_000), event.at());
    }

    @Test
    void anOverlongDetailIsCutNotRefusedAndNeverMidCharacter() {
        String detail = "a".repeat(254) + "😀😀";
        AuditEvent event = event().detail(detail).build();
        assertEquals("a".repeat(254) + "😀", event.detail());
        assertEquals(255, event.detail().codePointCount(0, event.detail().length()));
    }

    private static AuditEvent.Builder event() {
        return AuditEvent.builder("case.read", Outcome.ALLOWED, AT).object("case", null);
    }
}
