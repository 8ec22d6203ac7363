package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final byte[] ONE = new byte[32];
    private static final byte[] TWO = new byte[32];

    static {
        ONE[0] = 1;
        TWO[0] = 2;
    }

    @Test
    void sealedDataOpensOnlyWithItsContext() {
        KeyRing keys = new KeyRing(Map.of("k1", ONE), "k1");
        byte[] plain = "geheim".getBytes(StandardCharsets.UTF_8);
        KeyRing.Sealed sealed = keys.seal(plain, "row-1");
        assertFalse(new String(sealed.bytes(), StandardCharsets.ISO_8859_1).contains("geheim"));
        assertArrayEquals(plain, keys.open(sealed, "row-1"));
        assertThrows(IllegalStateException.class, () -> keys.open(sealed, "row-2"));
    }

    @Test
    void oldDataStaysReadableAfterRotation() {
        KeyRing before = new KeyRing(Map.of("k1", ONE), "k1");
        KeyRing.Sealed old = before.seal(new byte[] {42}, "c");
        KeyRing after = new KeyRing(Map.of("k1", ONE, "k2", TWO), "k2");
        assertArrayEquals(new byte[] {42}, after.open(old, "c"));
        assertEquals("k2", after.seal(new byte[] {1}, "c").keyId());
    }

    @Test
    void macsCompareAndDependOnTheValue() {
        KeyRing keys = new KeyRing(Map.of("k1", ONE), "k1");
        KeyRing.Sealed mac = keys.mac("challenge:12345678");
        assertTrue(keys.macMatches(mac, "challenge:12345678"));
        assertFalse(keys.macMatches(mac, "challenge:12345679"));
    }

    @Test
    void aWrongKeySizeIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new KeyRing(Map.of("k1", new byte[16]), "k1"));
        assertThrows(IllegalStateException.class, () -> new KeyRing(Map.of("k1", ONE), "k9"));
    }
}
