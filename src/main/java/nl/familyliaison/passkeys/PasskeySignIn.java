package nl.familyliaison.passkeys;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.util.Base64UrlUtil;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;

/**
 * Signing in with a passkey alone (it is two factors: the device, and the PIN or fingerprint that unlocks it). The
 * browser finds the passkey itself (no list of allowed credentials is sent); its answer is checked by webauthn4j:
 * challenge, origin, RP id hash, user verification, signature and sign counter. A counter that does not move
 * forward shows a copied authenticator: that passkey is marked unusable. The backup-eligible flag is fixed at
 * registration; the backup state may change and is stored.
 */
final class PasskeySignIn {

    /** The browser's answer to navigator.credentials.get, its binary fields base64url. */
    record Assertion(String id, String clientDataJSON, String authenticatorData, String signature,
                     String userHandle) {
    }

    private final RelyingParty party;
    private final PasskeyRepository passkeys;
    private final AccountRepository accounts;
    private final Challenges challenges;
    private final Clock clock;
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentialData =
            new AttestedCredentialDataConverter(new ObjectConverter());

    PasskeySignIn(RelyingParty party, PasskeyRepository passkeys, AccountRepository accounts, Challenges challenges,
                  Clock clock) {
        this.party = party;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** The options for navigator.credentials.get, and the challenge's id. */
    Map<String, Object> options() {
        Challenges.Issued challenge = challenges.issue(ChallengeRepository.Purpose.SIGN_IN, null);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", Base64UrlUtil.encodeToString(challenge.value()));
        options.put("rpId", party.id());
        options.put("timeout", Challenges.LIFETIME.toMillis());
        options.put("allowCredentials", List.of());
        options.put("userVerification", "required");
        return Map.of("challengeId", challenge.id(), "options", options);
    }

    /**
     * The account the answer signs in.
     *
     * @throws Refusal for every failure, naming the passkey when one was found
     */
    Account finish(String challengeId, Assertion answer) {
        AuthenticationData data = parse(answer);
        if (!challenges.take(challengeId, ChallengeRepository.Purpose.SIGN_IN, null,
                             data.getCollectedClientData().getChallenge().getValue())) {
            throw Refusal.failed(null, "challenge");
        }
        StoredPasskey passkey = passkeys.byCredentialId(data.getCredentialId())
                .orElseThrow(() -> Refusal.failed(null, "unknown-credential"));
        // A passkey found without a list of allowed ones must name its user (WebAuthn: discoverable credentials).
        if (data.getUserHandle() == null || !Arrays.equals(data.getUserHandle(), passkey.userHandle())) {
            throw Refusal.failed(passkey.id(), "user-handle");
        }
        verify(data, passkey);
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        if (!passkey.usable()) {
            throw Refusal.unusable(passkey.id(), "marked-unusable");
        }
        if (authenticator.isFlagBE() != passkey.backupEligible()) {
            throw Refusal.failed(passkey.id(), "backup-eligible-changed");
        }
        Account account = accounts.byId(passkey.accountId()).filter(Eligibility::accountMayUse)
                .orElseThrow(() -> Refusal.failed(passkey.id(), "account-not-active"));
        if (!Eligibility.roleMayUse(account.role(), party)) {
            throw Refusal.notForMembers(passkey.id());
        }
        if (!passkeys.used(passkey.id(), passkey.signCount(), authenticator.getSignCount(), authenticator.isFlagBS(),
                           Instant.now(clock))) {
            throw Refusal.failed(passkey.id(), "counter-raced");
        }
        return account;
    }

    /** webauthn4j's checks; a counter that did not move forward marks the passkey unusable. */
    private void verify(AuthenticationData data, StoredPasskey passkey) {
        byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
        CredentialRecordImpl record = new CredentialRecordImpl(
                new NoneAttestationStatement(), passkey.uvInitialized(), passkey.backupEligible(),
                passkey.backupState(), passkey.signCount(), credentialData.convert(passkey.credentialData()), null,
                null, null, transports(passkey.transports()));
        try {
            webAuthn.verify(data, new AuthenticationParameters(party.property(challenge), record, null, true, true));
        } catch (MaliciousCounterValueException e) {
            passkeys.markUnusable(passkey.id(), Instant.now(clock));
            throw Refusal.unusable(passkey.id(), "counter-not-increased");
        } catch (VerificationException | DataConversionException e) {
            throw Refusal.failed(passkey.id(), "verification:" + e.getClass().getSimpleName());
        }
    }

    private AuthenticationData parse(Assertion answer) {
        try {
            return webAuthn.parse(new AuthenticationRequest(
                    Base64UrlUtil.decode(answer.id()),
                    answer.userHandle() == null ? null : Base64UrlUtil.decode(answer.userHandle()),
                    Base64UrlUtil.decode(answer.authenticatorData()), Base64UrlUtil.decode(answer.clientDataJSON()),
                    null, Base64UrlUtil.decode(answer.signature())));
        } catch (RuntimeException unreadable) {
            // Bad base64url, CBOR or JSON from the browser: webauthn4j's and Jackson's exceptions alike.
            throw Refusal.failed(null, "unreadable");
        }
    }

    private static java.util.Set<AuthenticatorTransport> transports(List<String> names) {
        java.util.Set<AuthenticatorTransport> set = new HashSet<>();
        names.forEach(name -> set.add(AuthenticatorTransport.create(name)));
        return set;
    }
}
