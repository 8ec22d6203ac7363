package nl.familyliaison.platform;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869): one configured key, a separate 256-bit key per purpose. No salt: the configured keys are
 * uniformly random already, which RFC 5869 (section 3.1) allows; the purpose goes into {@code info}.
 */
final class Hkdf {

    private static final String CONTEXT = "family-liaison/v1/";

    private Hkdf() {
    }

    static byte[] derive(byte[] key, String purpose) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(SHA256Digest.newInstance());
        generator.init(new HKDFParameters(key, null, (CONTEXT + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }
}
