package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals("k2/hkdf", after.seal(new byte[] {1}, "c").keyId());
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

    @Test
    void newDataIsSealedWithAKeyDerivedByHkdfNotWithTheConfiguredKey() throws Exception {
        KeyRing keys = new KeyRing(Map.of("k1", ONE), "k1");
        KeyRing.Sealed sealed = keys.seal("geheim".getBytes(StandardCharsets.UTF_8), "row-1");
        assertEquals("k1/hkdf", sealed.keyId(), "the row says which key and that it was derived");
        assertArrayEquals("geheim".getBytes(StandardCharsets.UTF_8),
                          gcmOpen(hkdf(ONE, "family-liaison/v1/aes-256-gcm"), sealed.bytes(), "row-1"),
                          "opens with HKDF-SHA256(key, info) computed here by hand from RFC 5869");
        assertThrows(javax.crypto.AEADBadTagException.class, () -> gcmOpen(ONE, sealed.bytes(), "row-1"),
                     "the configured key itself does not open it");
    }

    @Test
    void rowsSealedWithTheConfiguredKeyItselfStayReadable() throws Exception {
        KeyRing keys = new KeyRing(Map.of("k1", ONE), "k1");
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ONE, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD("row-1".getBytes(StandardCharsets.UTF_8));
        byte[] encrypted = cipher.doFinal(new byte[] {7, 8});
        byte[] legacy = new byte[12 + encrypted.length];
        System.arraycopy(encrypted, 0, legacy, 12, encrypted.length);
        assertArrayEquals(new byte[] {7, 8}, keys.open(new KeyRing.Sealed("k1", legacy), "row-1"));
        assertThrows(IllegalStateException.class, () -> keys.open(new KeyRing.Sealed("k1/hkdf", legacy), "row-1"));
    }

    @Test
    void hmacKeysAreSeparateFromTheEncryptionKeyAndFromEachOther() throws Exception {
        KeyRing keys = new KeyRing(Map.of("k1", ONE), "k1");
        KeyRing.Sealed mac = keys.mac("challenge:12345678");
        assertEquals("k1/hkdf", mac.keyId());
        assertFalse(Arrays.equals(hmac(ONE, "challenge:12345678"), mac.bytes()), "not keyed with the raw key");
        assertTrue(keys.macMatches(new KeyRing.Sealed("k1", hmac(ONE, "challenge:1")), "challenge:1"),
                   "a hash made with the raw key before still compares");
        byte[] buckets = keys.hmacKey("rate-limit-bucket");
        assertArrayEquals(hkdf(ONE, "family-liaison/v1/hmac-sha256:rate-limit-bucket"), buckets);
        assertArrayEquals(buckets, new KeyRing(Map.of("k1", ONE), "k1").hmacKey("rate-limit-bucket"), "stable");
        assertFalse(Arrays.equals(buckets, keys.hmacKey("other")), "one key per purpose");
        assertFalse(Arrays.equals(buckets, hkdf(ONE, "family-liaison/v1/aes-256-gcm")));
        assertFalse(Arrays.equals(buckets, ONE));
        assertThrows(IllegalArgumentException.class, () -> keys.hmacKey(" "));
    }

    @Test
    void aKeyIdTooLongForTheMarkerIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new KeyRing(Map.of("k".repeat(28), ONE), "k".repeat(28)));
        assertThrows(IllegalStateException.class, () -> new KeyRing(Map.of("a/b", ONE), "a/b"));
    }

    @Test
    void theGeneratedKeyFileIsOwnerOnlyAndLeftWhole(@TempDir Path data) throws Exception {
        Config none = Config.just(ConfigSources.create(Map.of("keys", "")));
        KeyRing first = KeyRing.create(none, Optional.of(data.resolve("keys")));
        Path file = data.resolve("keys/local-1.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (var listed = Files.list(file.getParent())) {
            assertEquals(1, listed.count(), "no temporary file left behind");
        }
        KeyRing.Sealed sealed = first.seal(new byte[] {5}, "c");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyRing again = KeyRing.create(none, Optional.of(data.resolve("keys")));
        assertArrayEquals(new byte[] {5}, again.open(sealed, "c"), "the same key is read back");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                     "a widened key file is made owner-only again");
    }

    private static byte[] gcmOpen(byte[] key, byte[] sealed, String context) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    /** RFC 5869 with SHA-256, no salt (32 zero bytes), one block of output. */
    private static byte[] hkdf(byte[] key, String info) throws Exception {
        byte[] prk = hmac(new byte[32], key);
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] block = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        block[infoBytes.length] = 1;
        return hmac(prk, block);
    }

    private static byte[] hmac(byte[] key, String value) throws Exception {
        return hmac(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(value);
    }
}
