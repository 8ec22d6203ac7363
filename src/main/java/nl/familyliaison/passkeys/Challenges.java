package nl.familyliaison.passkeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.webauthn4j.util.Base64UrlUtil;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.KeyRing;

/**
 * Ceremony challenges: 32 random bytes, valid 5 minutes, usable once. Only a keyed hash (bound to the challenge's
 * id) is stored, so the table gives nobody a challenge to answer; the browser's answer carries the value, which must
 * hash to the stored one.
 */
final class Challenges {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new challenge: its id and the value the browser signs over. */
    record Issued(String id, byte[] value) {
    }

    private final ChallengeRepository repository;
    private final KeyRing keys;
    private final Clock clock;

    Challenges(ChallengeRepository repository, KeyRing keys, Clock clock) {
        this.repository = repository;
        this.keys = keys;
        this.clock = clock;
    }

    /** @param sessionId the session it belongs to (registration), or null (sign-in) */
    Issued issue(ChallengeRepository.Purpose purpose, String sessionId) {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        String id = Ids.newId();
        Instant now = clock.instant();
        repository.insert(new ChallengeRepository.Challenge(id, purpose, sessionId, keys.mac(hashed(id, value))),
                          now, now.plus(LIFETIME));
        return new Issued(id, value);
    }

    /**
     * Uses challenge {@code id} up (whatever the outcome: an answer is checked once) and says whether it was
     * issued for this purpose and session and is the value the browser answered.
     */
    boolean take(String id, ChallengeRepository.Purpose purpose, String sessionId, byte[] answered) {
        if (!Ids.isId(id) || answered == null) {
            return false;
        }
        return repository.take(id, clock.instant())
                .filter(found -> found.purpose() == purpose && Objects.equals(found.sessionId(), sessionId))
                .filter(found -> keys.macMatches(found.hash(), hashed(id, answered)))
                .isPresent();
    }

    private static String hashed(String id, byte[] value) {
        return "passkey-challenge:" + id + ":" + Base64UrlUtil.encodeToString(value);
    }
}
