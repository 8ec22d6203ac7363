package nl.familyliaison.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect data at rest: AES-256-GCM for secrets and content, HMAC-SHA256 for values that are only
 * ever compared (one-time codes). Every sealed value records the id of its key, so keys can be rotated: new data uses
 * the active key, old data stays readable as long as its key is listed.
 *
 * <p>A configured key is never used as it is: HKDF (RFC 5869) derives from it one key for encryption and one HMAC
 * key per purpose, so a weakness in one use cannot spill into another. What those keys made carries the key id with
 * {@value #DERIVED} appended ({@code test-1/hkdf}); a key id without it names data sealed earlier with the configured
 * key itself, which stays readable.
 *
 * <p>Keys come from configuration ({@code crypto.keys} = {@code id:base64,id:base64}, {@code crypto.active-key}).
 * Without configured keys the embedded default keeps one generated key in {@code <data.dir>/keys}; a service on an
 * external database refuses to start without configured keys, because a key generated on one instance would not be
 * known to the others.
 */
public final class KeyRing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Appended to the key id of what a derived key made; stored key ids are at most 32 characters. */
    static final String DERIVED = "/hkdf";
    private static final int MAX_ID = 32 - DERIVED.length();
    private static final String ENCRYPTION = "aes-256-gcm";
    private static final String MAC = "hmac-sha256";

    private final Map<String, SecretKeySpec> keys;
    private final Map<String, SecretKeySpec> encryptionKeys;
    private final Map<String, SecretKeySpec> macKeys;
    private final String activeId;

    KeyRing(Map<String, byte[]> keys, String activeId) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalStateException("crypto.active-key '" + activeId + "' is not among crypto.keys");
        }
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        Map<String, SecretKeySpec> encryption = new LinkedHashMap<>();
        Map<String, SecretKeySpec> mac = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (bytes.length != 32) {
                throw new IllegalStateException("crypto key '" + id + "' must be 32 bytes (base64 of 256 bits)");
            }
            if (id.length() > MAX_ID || id.contains("/")) {
                throw new IllegalStateException("crypto key id '" + id + "' must be at most " + MAX_ID
                                                + " characters, without '/'");
            }
            specs.put(id, new SecretKeySpec(bytes, "AES"));
            encryption.put(id, new SecretKeySpec(Hkdf.derive(bytes, ENCRYPTION), "AES"));
            mac.put(id, new SecretKeySpec(Hkdf.derive(bytes, MAC + ":compare"), "HmacSHA256"));
        });
        this.keys = Map.copyOf(specs);
        this.encryptionKeys = Map.copyOf(encryption);
        this.macKeys = Map.copyOf(mac);
        this.activeId = activeId;
    }

    /**
     * The key ring described by {@code crypto}; without keys there, one generated in {@code localFolder} when given.
     */
    public static KeyRing create(io.helidon.config.Config crypto, Optional<Path> localFolder) {
        Optional<String> configured = crypto.get("keys").asString().asOptional().filter(it -> !it.isBlank());
        if (configured.isPresent()) {
            Map<String, byte[]> keys = parse(configured.get());
            String active = crypto.get("active-key").asString().asOptional().filter(it -> !it.isBlank())
                    .orElse(keys.keySet().stream().reduce((first, second) -> second).orElseThrow());
            return new KeyRing(keys, active);
        }
        Path folder = localFolder.orElseThrow(() -> new IllegalStateException(
                "No encryption key configured: set crypto.keys (FL_CRYPTO_KEYS) to id:base64-of-32-random-bytes"));
        return new KeyRing(Map.of("local-1", LocalKeyFile.readOrCreate(folder.resolve("local-1.key"))), "local-1");
    }

    /**
     * An HMAC-SHA256 key of its own for {@code purpose} (such as {@code "rate-limit-bucket"}), derived from the active
     * key; the same purpose always gives the same key until the active key changes.
     */
    public byte[] hmacKey(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("An HMAC key needs a purpose");
        }
        return Hkdf.derive(keys.get(activeId).getEncoded(), MAC + ":" + purpose);
    }

    /** Encrypts {@code plain}; {@code context} (for example the row's id and column) must be given again to open. */
    public Sealed seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + encrypted.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(encrypted, 0, out, NONCE_BYTES, encrypted.length);
            return new Sealed(activeId + DERIVED, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** Decrypts what {@link #seal} made; fails when the data, the key id or the context do not match. */
    public byte[] open(Sealed sealed, String context) {
        SecretKeySpec key = keyFor(sealed.keyId(), encryptionKeys, keys);
        if (key == null) {
            throw new IllegalStateException("Encryption key '" + sealed.keyId() + "' is no longer configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed for context " + context, e);
        }
    }

    /** A keyed hash (HMAC-SHA256) with the active key, for values that are compared but never read back. */
    public Sealed mac(String value) {
        return new Sealed(activeId + DERIVED, mac(macKeys.get(activeId), value));
    }

    /**
     * The keyed hashes of {@code value} under every configured key, the active key's first: to find a value that was
     * hashed (and stored as its hash) before the active key changed, and hash it again under the active key.
     */
    public java.util.List<Sealed> macsUnderEveryKey(String value) {
        java.util.List<Sealed> hashes = new java.util.ArrayList<>();
        hashes.add(mac(value));
        macKeys.keySet().stream().filter(id -> !id.equals(activeId)).sorted()
                .forEach(id -> hashes.add(new Sealed(id + DERIVED, mac(macKeys.get(id), value))));
        return java.util.List.copyOf(hashes);
    }

    /** Whether {@code value} hashes to {@code expected} under the key that made it (constant time). */
    public boolean macMatches(Sealed expected, String value) {
        SecretKeySpec key = keyFor(expected.keyId(), macKeys, keys);
        if (key == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(expected.bytes(), mac(key, value));
    }

    /** The derived key a key id names, or for an id without the marker the configured key itself (older rows). */
    private static SecretKeySpec keyFor(String keyId, Map<String, SecretKeySpec> derived,
                                        Map<String, SecretKeySpec> configured) {
        return keyId.endsWith(DERIVED) ? derived.get(keyId.substring(0, keyId.length() - DERIVED.length()))
                : configured.get(keyId);
    }

    /**
     * The HMAC key that turns rate-limit keys (addresses, IPs) into bucket ids: derived (HKDF-SHA256) from the active
     * key for this one purpose, so the ids cannot be recomputed from a guessed address without the key. A new active
     * key gives new ids: the limits start again, which rotation may do.
     */
    public byte[] rateLimitBucketKey() {
        return hmacKey("rate-limit-bucket-ids");
    }

    private static byte[] mac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    private static Map<String, byte[]> parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalStateException("crypto.keys must look like id:base64,id:base64");
            }
            try {
                keys.put(parts[0].trim(), Base64.getDecoder().decode(parts[1].trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("crypto key '" + parts[0].trim() + "' is not valid base64");
            }
        }
        return keys;
    }

    /** Encrypted (or keyed-hash) bytes and the id of the key that made them. */
    public record Sealed(String keyId, byte[] bytes) {
    }
}
