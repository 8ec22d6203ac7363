package nl.familyliaison.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One audited thing: who (account id and role; both null for an anonymous caller), what (an action on an object,
 * maybe in a case), how it ended, when (UTC, kept to the microsecond as the database does), from where (request id,
 * IP), and an optional short detail.
 *
 * <p>Every field is checked here, so an event that was built can always be stored as it is: what is hashed at
 * append is exactly what comes back from the database at verification.
 *
 * @param actorAccountId the acting account, or null when anonymous
 * @param actorRole      the acting account's role (MEMBER, FAMILY_INSPECTOR, …), or null when anonymous
 * @param action         what was done, lower case with dots and dashes: {@code sign-in.member}, {@code case.read}
 * @param objectType     the kind of object acted on: {@code case}, {@code message}, {@code account}
 * @param objectId       the object acted on, or null
 * @param caseId         the case the object belongs to, or null
 * @param outcome        how it ended
 * @param at             when, truncated to microseconds
 * @param requestId      the request it happened in, or null outside a request
 * @param ip             the caller's address, or null outside a request
 * @param detail         a short free text (at most 255 characters; a longer one is cut), or null
 */
public record AuditEvent(String actorAccountId, String actorRole, String action, String objectType, String objectId,
                         String caseId, Outcome outcome, Instant at, String requestId, String ip, String detail) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]*");
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final int DETAIL_LENGTH = 255;

    public AuditEvent {
        action = name("action", action, 64);
        objectType = name("objectType", objectType, 32);
        actorAccountId = token("actorAccountId", actorAccountId, 36);
        actorRole = token("actorRole", actorRole, 32);
        objectId = token("objectId", objectId, 64);
        caseId = token("caseId", caseId, 36);
        Objects.requireNonNull(outcome, "outcome");
        at = AuditTime.stored(Objects.requireNonNull(at, "at"));
        requestId = token("requestId", requestId, 64);
        ip = token("ip", ip, 64);
        detail = shortText(detail);
    }

    /** Starts an event; {@link Builder#object} is required, everything else optional. */
    public static Builder builder(String action, Outcome outcome, Instant at) {
        return new Builder(action, outcome, at);
    }

    private static String name(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length() > maxLength || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be lower case letters, digits, '.', '-' or '_', at most "
                                               + maxLength + " long: " + value);
        }
        return value;
    }

    // Identifiers and addresses are stored as ASCII: refuse anything else here rather than have the database change it.
    private static String token(String field, String value, int maxLength) {
        if (value != null && (value.length() > maxLength || !VISIBLE_ASCII.matcher(value).matches())) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " visible ASCII characters");
        }
        return value;
    }

    // The detail is free text: cutting it is better than losing the event because someone wrote too much.
    private static String shortText(String value) {
        if (value == null || value.codePointCount(0, value.length()) <= DETAIL_LENGTH) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, DETAIL_LENGTH));
    }

    /** Builds an {@link AuditEvent} field group by field group. */
    public static final class Builder {
        private final String action;
        private final Outcome outcome;
        private final Instant at;
        private String actorAccountId;
        private String actorRole;
        private String objectType;
        private String objectId;
        private String caseId;
        private String requestId;
        private String ip;
        private String detail;

        private Builder(String action, Outcome outcome, Instant at) {
            this.action = action;
            this.outcome = outcome;
            this.at = at;
        }

        public Builder actor(String accountId, String role) {
            this.actorAccountId = accountId;
            this.actorRole = role;
            return this;
        }

        public Builder object(String type, String id) {
            this.objectType = type;
            this.objectId = id;
            return this;
        }

        public Builder caseId(String caseId) {
            this.caseId = caseId;
            return this;
        }

        public Builder request(String requestId, String ip) {
            this.requestId = requestId;
            this.ip = ip;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(actorAccountId, actorRole, action, objectType, objectId, caseId, outcome, at,
                                  requestId, ip, detail);
        }
    }
}
