package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What an administrator sees of a failed mail's recipient: a member's address masked, staff and the desk in full. */
class FailedMailTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void aMembersAddressIsMaskedToItsFirstCharacterAndDomain() {
        FailedMail member = FailedMail.of(new FailedMail.Row("1", "MEMBER", "fenna.boer@example.org", "new-update", 3,
                                                             AT, AT, "ADDRESS_REFUSED"));
        assertEquals("f…@example.org", member.address());
        assertEquals("MEMBER", member.recipient());
        assertEquals(Category.UPDATE, member.kind());
        assertEquals("ü…@voorbeeld.nl", FailedMail.masked("üsra@voorbeeld.nl"));
        assertEquals("…", FailedMail.masked("no-address"));
    }

    @Test
    void staffAndTheDeskShowInFull() {
        assertEquals("anna@inspectie.example", FailedMail.of(new FailedMail.Row(
                "2", "FAMILY_INSPECTOR", "anna@inspectie.example", "new-message", 1, AT, AT, "GAVE_UP")).address());
        FailedMail desk = FailedMail.of(new FailedMail.Row("3", null, "klachten@inspectie.example",
                                                           "feedback-received", 1, AT, null, null));
        assertEquals("DESK", desk.recipient());
        assertEquals("klachten@inspectie.example", desk.address());
        assertEquals(FailureReason.GAVE_UP, desk.reason(), "a mail that failed before reasons were kept");
    }
}
