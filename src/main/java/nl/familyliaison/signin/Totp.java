package nl.familyliaison.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based codes for staff (6 digits, 30-second steps, HMAC-SHA1: what authenticator apps expect).
 * A code is accepted for the current step and one step either side (clock drift); which step matched is returned so
 * the caller can refuse a step that was already used (a replayed code).
 */
public final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final String ISSUER = "Family Liaison";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, 6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private Totp() {
    }

    /** A new 160-bit secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as authenticator apps show and type it (Base32, no padding). */
    public static String base32(byte[] secret) {
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The otpauth:// URI an authenticator app reads from a QR code. */
    public static String uri(byte[] secret, String accountName) {
        String label = encode(ISSUER + ":" + accountName);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(ISSUER)
               + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    /** The code for a moment (tests and enrolment checks use it). */
    public static String codeAt(byte[] secret, Instant instant) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), instant);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step {@code code} belongs to, if it is valid now (± one step). */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            String expected = codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds()));
            if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                                                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
