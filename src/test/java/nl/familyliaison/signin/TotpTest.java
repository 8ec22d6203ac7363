package nl.familyliaison.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" at T = 59 s gives 94287082 (8 digits). */
    @Test
    void matchesTheRfcTestVectorInItsLastSixDigits() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertEquals("287082", Totp.codeAt(secret, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.codeAt(secret, Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void acceptsOneStepEitherSideAndNoMore() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.parse("2026-03-02T09:00:15Z");
        long step = now.getEpochSecond() / 30;
        String previous = Totp.codeAt(secret, now.minusSeconds(30));
        String tooOld = Totp.codeAt(secret, now.minusSeconds(90));
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(secret, previous, now));
        assertEquals(OptionalLong.of(step), Totp.matchingStep(secret, Totp.codeAt(secret, now), now));
        if (!tooOld.equals(previous) && !tooOld.equals(Totp.codeAt(secret, now))
            && !tooOld.equals(Totp.codeAt(secret, now.plusSeconds(30)))) {
            assertTrue(Totp.matchingStep(secret, tooOld, now).isEmpty());
        }
        assertTrue(Totp.matchingStep(secret, "12a456", now).isEmpty());
    }

    @Test
    void theUriNamesTheIssuerAndTheSecret() {
        byte[] secret = Totp.newSecret();
        String uri = Totp.uri(secret, "jan@inspectie.example");
        assertTrue(uri.startsWith("otpauth://totp/Family%20Liaison%3Ajan%40inspectie.example?secret="), uri);
        assertTrue(uri.contains("secret=" + Totp.base32(secret)));
    }
}
