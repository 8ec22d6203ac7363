package nl.familyliaison.platform;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every kind of failure the API answers with, as an RFC 9457 problem type. The type URI and the status are stable:
 * clients translate by {@link #slug()}, so the English title here is a fallback, not the text people read.
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "The request could not be read."),
    INVALID_INPUT(400, "invalid-input", "Some of the information is not valid."),
    SIGN_IN_REQUIRED(401, "sign-in-required", "Please sign in first."),
    SIGN_IN_FAILED(401, "sign-in-failed", "Signing in did not work."),
    /** Staff: password and code were right, but the code's 30 seconds were used already (a replay is refused). */
    SIGN_IN_CODE_USED(401, "sign-in-code-used", "This code was used already. Wait for the next code."),
    /** A passkey whose authenticator was seen copied (its sign counter went back): it signs nobody in any more. */
    PASSKEY_UNUSABLE(401, "passkey-unusable", "This passkey can no longer be used."),
    /** A sign-in provider's answer was not accepted (signature, issuer, audience, expiry or nonce of its token). */
    SIGN_IN_PROVIDER_REFUSED(401, "sign-in-provider-refused", "Signing in with this provider did not work."),
    /** The provider did not assert the assurance level (acr) this service requires. */
    SIGN_IN_ASSURANCE_TOO_LOW(401, "sign-in-assurance-too-low", "This sign-in is not secure enough here."),
    /** The return from a provider belongs to no sign-in started in this browser, or was used already. */
    SIGN_IN_RETURN_INVALID(401, "sign-in-return-invalid", "This sign-in has expired. Please start again."),
    /** DigiD worked, but no account is linked to it yet. */
    SIGN_IN_NOT_LINKED(401, "sign-in-not-linked",
                       "Sign in once with the code from your invitation, then link DigiD."),
    /** The staff identity provider's account matches no active staff account here. */
    SIGN_IN_NO_ACCOUNT(401, "sign-in-no-account", "There is no staff account here for this sign-in."),
    /** Members must sign in with DigiD: a session from the emailed code may only link it. */
    SIGN_IN_LINK_NEEDED(403, "sign-in-link-needed", "Link DigiD first, then sign in with DigiD."),
    /** This DigiD is already linked to another account. */
    IDENTITY_LINKED_ELSEWHERE(409, "identity-linked-elsewhere", "This DigiD is linked to another account."),
    FORBIDDEN(403, "forbidden", "This request is not allowed."),
    /** Passkeys are not offered to this account (members, while DigiD is required for them). */
    PASSKEY_NOT_ALLOWED(403, "passkey-not-allowed", "Passkeys cannot be used for this account."),
    NOT_FOUND(404, "not-found", "This was not found."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This action is not possible here."),
    NOT_ACCEPTABLE(406, "not-acceptable", "This answer cannot be given in the requested format."),
    CONFLICT(409, "conflict", "This clashes with something that already exists or has changed."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "What was sent is too large."),
    URI_TOO_LONG(414, "uri-too-long", "The address is too long."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "What was sent is in a format that is not accepted."),
    RATE_LIMITED(429, "rate-limited", "Too many attempts. Please wait a moment and try again."),
    /** Uploads of one account or one case fill their storage quota; nothing of the upload was stored. */
    STORAGE_QUOTA_EXCEEDED(413, "storage-quota-exceeded", "There is no more room for files."),
    /** The member's previous export is still running; try again after Retry-After seconds. */
    EXPORT_IN_PROGRESS(429, "export-in-progress", "Your download is already being made."),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request's headers are too large."),
    INTERNAL_ERROR(500, "internal-error", "Something went wrong on our side. Please try again later."),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is not available right now. Please try again soon.");

    private static final String PREFIX = "urn:family-liaison:problem:";
    /** Types only features raise, never the web server for a bare status. */
    private static final Set<ProblemType> SPECIFIC = EnumSet.of(INVALID_INPUT, SIGN_IN_FAILED, SIGN_IN_CODE_USED,
                                                                SIGN_IN_PROVIDER_REFUSED, SIGN_IN_ASSURANCE_TOO_LOW,
                                                                SIGN_IN_RETURN_INVALID, SIGN_IN_NOT_LINKED,
                                                                SIGN_IN_NO_ACCOUNT, SIGN_IN_LINK_NEEDED, IDENTITY_LINKED_ELSEWHERE,
                                                                STORAGE_QUOTA_EXCEEDED, EXPORT_IN_PROGRESS,
                                                                PASSKEY_UNUSABLE, PASSKEY_NOT_ALLOWED);

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    /** The generic type for an HTTP status raised by the web server itself. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && !SPECIFIC.contains(type)) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
