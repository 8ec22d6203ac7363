package nl.familyliaison.cases;

import java.time.Instant;

import nl.familyliaison.access.Authorization;
import nl.familyliaison.platform.Language;

/**
 * A person's membership of one case.
 *
 * @param displayName  the name entered for this case (an account invited to two cases has one per case)
 * @param representScope what a representative may see and do for the member they represent (null for others)
 * @param signedInOnce whether the person signed in since this invitation (nothing learnt from another case)
 */
public record Member(String id, String accountId, String displayName, String email, Relation relation,
                     String representsMemberId, Instant invitedAt, Instant endedAt, boolean signedInOnce,
                     Language language, Authorization.RepresentationScope representScope) {

    public boolean isActive() {
        return endedAt == null;
    }
}
