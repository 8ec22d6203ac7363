package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against RFC 5869's own test vector, and the bucket-id key that KeyRing derives with it. */
class HkdfTest {

    @Test
    void matchesRfc5869TestCase3() {
        byte[] inputKey = new byte[22];
        Arrays.fill(inputKey, (byte) 0x0b);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                     HexFormat.of().formatHex(Hkdf.derive(inputKey, "", 42)));
    }

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
