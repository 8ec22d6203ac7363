package nl.familyliaison.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An unambiguous byte encoding of a sequence of fields, to be hashed. Text is length-prefixed, so field boundaries
 * cannot shift ("ab","c" differs from "a","bc"), and a missing value has its own marker, so null differs from "".
 *
 * <ul>
 *   <li>text: {@code 0x00} for null; otherwise {@code 0x01}, the UTF-8 byte length as 4 bytes big-endian, then
 *       the bytes</li>
 *   <li>number: 8 bytes big-endian</li>
 *   <li>digest: its 32 bytes as they are (always exactly 32, so no length is needed)</li>
 * </ul>
 */
final class CanonicalEncoding {

    static final int DIGEST_LENGTH = 32;

    private static final byte ABSENT = 0x00;
    private static final byte PRESENT = 0x01;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    CanonicalEncoding text(String value) {
        if (value == null) {
            bytes.write(ABSENT);
            return this;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        bytes.write(PRESENT);
        bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
        bytes.writeBytes(utf8);
        return this;
    }

    CanonicalEncoding number(long value) {
        bytes.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        return this;
    }

    CanonicalEncoding digest(byte[] digest) {
        if (digest == null || digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("A digest has exactly " + DIGEST_LENGTH + " bytes");
        }
        bytes.writeBytes(digest);
        return this;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
