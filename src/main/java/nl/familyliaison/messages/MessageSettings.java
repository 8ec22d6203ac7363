package nl.familyliaison.messages;

import java.util.logging.Logger;

import io.helidon.config.Config;

/**
 * The settings under {@code messages}, read at start-up.
 *
 * @param attachmentMaxBytes the largest attachment accepted; larger ones get 413
 * @param accountQuotaBytes  the most one account's uploads may take together; beyond it an upload gets 413
 * @param caseQuotaBytes     the most the uploads of one case may take together, likewise
 */
record MessageSettings(long attachmentMaxBytes, long accountQuotaBytes, long caseQuotaBytes) {

    public static final long DEFAULT_ATTACHMENT_MAX_BYTES = 10L * 1024 * 1024;
    /** Twenty full-size files per person: far more than anyone sends, and the database cannot be filled by one. */
    public static final long DEFAULT_ACCOUNT_QUOTA_BYTES = 200L * 1024 * 1024;
    public static final long DEFAULT_CASE_QUOTA_BYTES = 2L * 1024 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(MessageSettings.class.getName());

    public MessageSettings {
        if (attachmentMaxBytes < 1) {
            throw new IllegalStateException("messages.attachment-max-bytes must be at least 1");
        }
        if (accountQuotaBytes < 1) {
            throw new IllegalStateException("messages.account-quota-bytes must be at least 1");
        }
        if (caseQuotaBytes < 1) {
            throw new IllegalStateException("messages.case-quota-bytes must be at least 1");
        }
    }

    /** The default quotas with this attachment limit. */
    public MessageSettings(long attachmentMaxBytes) {
        this(attachmentMaxBytes, DEFAULT_ACCOUNT_QUOTA_BYTES, DEFAULT_CASE_QUOTA_BYTES);
    }

    /**
     * Reads {@code messages}. The web server refuses any body over {@code server.max-payload-size} before this feature
     * sees it, so a larger attachment limit could never be reached: the smaller of the two applies, with a warning.
     */
    public static MessageSettings from(Config config) {
        long max = config.get("messages.attachment-max-bytes").asLong().orElse(DEFAULT_ATTACHMENT_MAX_BYTES);
        long payload = config.get("server.max-payload-size").asLong().orElse(Long.MAX_VALUE);
        long account = config.get("messages.account-quota-bytes").asLong().orElse(DEFAULT_ACCOUNT_QUOTA_BYTES);
        long investigation = config.get("messages.case-quota-bytes").asLong().orElse(DEFAULT_CASE_QUOTA_BYTES);
        if (max > payload) {
            LOG.warning("messages.attachment-max-bytes (" + max + ") is larger than server.max-payload-size ("
                        + payload + "); attachments are limited to " + payload + " bytes");
            return new MessageSettings(payload, account, investigation);
        }
        return new MessageSettings(max, account, investigation);
    }
}
