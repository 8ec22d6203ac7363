package nl.familyliaison.passkeys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A passkey authenticator in plain Java for the API tests: one ES256 key, a sign counter, the user-verified and
 * backup flags. It answers creation and request options the way a browser passes a real authenticator's answer on
 * (binary fields base64url), written out byte by byte (CBOR, authenticator data) so the service's parser and
 * webauthn4j's checks meet independent bytes. The browser tests use Chromium's virtual authenticator instead.
 */
final class SoftAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    String origin;
    private byte[] userHandle;
    long counter;
    boolean userVerified = true;
    boolean backupEligible;
    /** When set, the relying-party id the authenticator signs for instead of the one the options name. */
    String rpId;

    SoftAuthenticator(String origin) {
        this.origin = origin;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new java.security.SecureRandom().nextBytes(credentialId);
    }

    /** The body of POST /api/passkeys for the options of POST /api/passkeys/registration-options. */
    String register(JsonNode answer, String name) {
        JsonNode options = answer.path("options");
        userHandle = Base64.getUrlDecoder().decode(options.path("user").path("id").asText());
        byte[] clientData = clientData("webauthn.create", options.path("challenge").asText());
        byte[] authData = authenticatorData(options.path("rp").path("id").asText(), true);
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.writeBytes(new byte[] {(byte) 0xA3, 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e'});
        cbor.writeBytes(new byte[] {0x67, 'a', 't', 't', 'S', 't', 'm', 't', (byte) 0xA0});
        cbor.writeBytes(new byte[] {0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x59,
                                    (byte) (authData.length >> 8), (byte) authData.length});
        cbor.writeBytes(authData);
        ObjectNode credential = JSON.createObjectNode().put("id", B64.encodeToString(credentialId))
                .put("clientDataJSON", B64.encodeToString(clientData))
                .put("attestationObject", B64.encodeToString(cbor.toByteArray()));
        credential.putArray("transports").add("internal");
        ObjectNode body = JSON.createObjectNode().put("challengeId", answer.path("challengeId").asText());
        if (name != null) {
            body.put("name", name);
        }
        body.set("credential", credential);
        return body.toString();
    }

    /** The body of POST /api/sign-in/passkey for the answer of POST /api/sign-in/passkey-options. */
    String signIn(JsonNode answer) {
        JsonNode options = answer.path("options");
        counter++;
        byte[] clientData = clientData("webauthn.get", options.path("challenge").asText());
        byte[] authData = authenticatorData(options.path("rpId").asText(), false);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authData);
            signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            signature = signer.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode credential = JSON.createObjectNode().put("id", B64.encodeToString(credentialId))
                .put("clientDataJSON", B64.encodeToString(clientData))
                .put("authenticatorData", B64.encodeToString(authData))
                .put("signature", B64.encodeToString(signature))
                .put("userHandle", B64.encodeToString(userHandle));
        ObjectNode body = JSON.createObjectNode().put("challengeId", answer.path("challengeId").asText());
        body.set("credential", credential);
        return body.toString();
    }

    private byte[] clientData(String type, String challenge) {
        return JSON.createObjectNode().put("type", type).put("challenge", challenge).put("origin", origin)
                .put("crossOrigin", false).toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] authenticatorData(String rpId, boolean withCredential) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            String signedFor = this.rpId != null ? this.rpId : rpId;
            out.writeBytes(MessageDigest.getInstance("SHA-256").digest(signedFor.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int flags = 0x01 | (userVerified ? 0x04 : 0) | (backupEligible ? 0x08 : 0) | (withCredential ? 0x40 : 0);
        out.write(flags);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        if (withCredential) {
            out.writeBytes(new byte[16]);
            out.write(0);
            out.write(credentialId.length);
            out.writeBytes(credentialId);
            out.writeBytes(coseKey());
        }
        return out.toByteArray();
    }

    /** The public key as COSE_Key (EC2, P-256, ES256) in CBOR. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
        out.writeBytes(fixed(key.getW().getAffineX().toByteArray()));
        out.writeBytes(new byte[] {0x22, 0x58, 0x20});
        out.writeBytes(fixed(key.getW().getAffineY().toByteArray()));
        return out.toByteArray();
    }

    private static byte[] fixed(byte[] unsigned) {
        byte[] out = new byte[32];
        int copy = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - copy, out, 32 - copy, copy);
        return out;
    }
}
