package nl.familyliaison.messages;

import java.util.logging.Logger;

import io.helidon.config.Config;

/**
 * The settings under {@code messages}, read at start-up.
 *
 * @param attachmentMaxBytes the largest attachment accepted; larger ones get 413
 */
public record MessageSettings(long attachmentMaxBytes) {

    public static final long DEFAULT_ATTACHMENT_MAX_BYTES = 10L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(MessageSettings.class.getName());

    public MessageSettings {
        if (attachmentMaxBytes < 1) {
            throw new IllegalStateException("messages.attachment-max-bytes must be at least 1");
        }
    }

    /**
     * Reads {@code messages}. The web server refuses any body over {@code server.max-payload-size} before this feature
     * sees it, so a larger attachment limit could never be reached: the smaller of the two applies, with a warning.
     */
    public static MessageSettings from(Config config) {
        long max = config.get("messages.attachment-max-bytes").asLong().orElse(DEFAULT_ATTACHMENT_MAX_BYTES);
        long payload = config.get("server.max-payload-size").asLong().orElse(Long.MAX_VALUE);
        if (max > payload) {
            LOG.warning("messages.attachment-max-bytes (" + max + ") is larger than server.max-payload-size ("
                        + payload + "); attachments are limited to " + payload + " bytes");
            return new MessageSettings(payload);
        }
        return new MessageSettings(max);
    }
}
