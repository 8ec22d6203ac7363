package nl.familyliaison.passkeys;

import java.time.Instant;
import java.util.List;

/**
 * A passkey as stored: the credential's id, its attested credential data (AAGUID, id and COSE public key), the
 * sign counter and flags the authenticator reported, and what the person sees (name, dates, whether it still works).
 */
record StoredPasskey(String id, String accountId, byte[] credentialId, byte[] credentialData, long signCount,
                     boolean uvInitialized, boolean backupEligible, boolean backupState, List<String> transports,
                     String name, Instant createdAt, Instant lastUsedAt, Instant unusableAt, byte[] userHandle) {

    boolean usable() {
        return unusableAt == null;
    }
}
