package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The bucket-id key that KeyRing derives (HKDF itself is checked against RFC 5869 in KeyRingTest). */
class HkdfTest {

    @Test
    void theBucketIdKeyIsItsOwnKey() {
        byte[] active = new byte[32];
        Arrays.fill(active, (byte) 7);
        KeyRing keys = new KeyRing(java.util.Map.of("k1", active), "k1");
        assertEquals(32, keys.rateLimitBucketKey().length);
        assertFalse(Arrays.equals(active, keys.rateLimitBucketKey()), "never the encryption key itself");
        assertEquals(HexFormat.of().formatHex(keys.rateLimitBucketKey()),
                     HexFormat.of().formatHex(new KeyRing(java.util.Map.of("k1", active.clone()), "k1")
                                                      .rateLimitBucketKey()),
                     "every instance with the same key derives the same one");
    }
}
