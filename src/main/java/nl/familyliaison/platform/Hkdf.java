package nl.familyliaison.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869): a separate key for each purpose from one configured key, so a key used for one thing
 * (bucket ids) never doubles as the key of another (encryption). Written over javax.crypto.Mac because no library
 * with HKDF is on the classpath and JDK 21 has none (javax.crypto.KDF arrives in JDK 25).
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** {@code length} bytes of output keying material for {@code info}, from {@code inputKey} with an empty salt. */
    static byte[] derive(byte[] inputKey, String info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 makes 1 to 8160 bytes");
        }
        try {
            byte[] pseudoRandomKey = hmac(new byte[HASH_BYTES], inputKey);
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            for (int filled = 0, counter = 1; filled < length; counter++) {
                mac.update(block);
                mac.update(info.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) counter);
                block = mac.doFinal();
                int take = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, out, filled, take);
                filled += take;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(data);
    }
}
