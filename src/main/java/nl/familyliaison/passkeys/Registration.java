package nl.familyliaison.passkeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.util.Base64UrlUtil;
import com.webauthn4j.verifier.exception.VerificationException;
import nl.familyliaison.access.Account;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;

/**
 * Adding a passkey: creation options for the browser (a discoverable credential, user verification required, ES256
 * or RS256, no attestation asked), then the browser's answer checked by webauthn4j and stored.
 */
final class Registration {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    /** The browser's answer to navigator.credentials.create, its binary fields base64url. */
    record Attestation(String id, String clientDataJSON, String attestationObject, List<String> transports) {
    }

    private final RelyingParty party;
    private final PasskeyRepository passkeys;
    private final Challenges challenges;
    private final Clock clock;
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentialData =
            new AttestedCredentialDataConverter(new ObjectConverter());

    Registration(RelyingParty party, PasskeyRepository passkeys, Challenges challenges, Clock clock) {
        this.party = party;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** The options for navigator.credentials.create (JSON form: binary values base64url), and the challenge's id. */
    Map<String, Object> options(Account account, String sessionId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        byte[] userHandle = passkeys.userHandle(account.id(), fresh, clock.instant());
        Challenges.Issued challenge = challenges.issue(ChallengeRepository.Purpose.REGISTRATION, sessionId);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", Base64UrlUtil.encodeToString(challenge.value()));
        options.put("rp", Map.of("id", party.id(), "name", party.name()));
        options.put("user", Map.of("id", Base64UrlUtil.encodeToString(userHandle), "name", account.displayName(),
                                   "displayName", account.displayName()));
        options.put("pubKeyCredParams", List.of(Map.of("type", "public-key", "alg", -7),
                                                Map.of("type", "public-key", "alg", -257)));
        options.put("timeout", Challenges.LIFETIME.toMillis());
        options.put("excludeCredentials", passkeys.ofAccount(account.id()).stream()
                .map(passkey -> Map.of("type", "public-key", "id", Base64UrlUtil.encodeToString(passkey.credentialId()),
                                       "transports", passkey.transports()))
                .toList());
        options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                                                     "userVerification", "required"));
        options.put("attestation", "none");
        return Map.of("challengeId", challenge.id(), "options", options);
    }

    /** Checks the browser's answer to challenge {@code challengeId} of this session: the passkey to store. */
    StoredPasskey finish(Account account, String sessionId, String challengeId, String name, Attestation answer) {
        RegistrationData data = parse(answer);
        if (!challenges.take(challengeId, ChallengeRepository.Purpose.REGISTRATION, sessionId,
                             data.getCollectedClientData().getChallenge().getValue())) {
            throw ProblemException.invalid("challengeId", "This step took too long or was done already. Try again.");
        }
        try {
            webAuthn.verify(data, new RegistrationParameters(
                    party.property(data.getCollectedClientData().getChallenge().getValue()), ALGORITHMS, true, true));
        } catch (VerificationException | DataConversionException e) {
            throw notAccepted();
        }
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticator.getAttestedCredentialData();
        if (passkeys.byCredentialId(credential.getCredentialId()).isPresent()) {
            throw ProblemException.invalid("credential", "This passkey was added already.");
        }
        StoredPasskey passkey = new StoredPasskey(
                Ids.newId(), account.id(), credential.getCredentialId(), credentialData.convert(credential),
                authenticator.getSignCount(), authenticator.isFlagUV(), authenticator.isFlagBE(),
                authenticator.isFlagBS(), transports(answer.transports()), name, Instant.now(clock), null, null,
                null);
        return passkey;
    }

    private RegistrationData parse(Attestation answer) {
        try {
            return webAuthn.parse(new RegistrationRequest(Base64UrlUtil.decode(answer.attestationObject()),
                                                          Base64UrlUtil.decode(answer.clientDataJSON()),
                                                          Set.copyOf(transports(answer.transports()))));
        } catch (RuntimeException unreadable) {
            // Whatever the browser sent could not be read (bad base64url, CBOR or JSON: webauthn4j's converters
            // throw their own and Jackson's exceptions alike). It is the sender's fault, never the service's.
            throw notAccepted();
        }
    }

    /** The transports a browser names (usb, nfc, ble, internal, hybrid…): kept as hints, short and plain. */
    private static List<String> transports(List<String> named) {
        return named == null ? List.of()
                : named.stream().filter(it -> it != null && it.matches("[a-z-]{1,16}")).distinct().limit(5).toList();
    }

    private static ProblemException notAccepted() {
        return ProblemException.invalid("credential", "Your device's answer could not be used. Try again.");
    }
}
