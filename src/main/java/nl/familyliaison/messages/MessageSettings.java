package nl.familyliaison.messages;

import io.helidon.config.Config;

/**
 * The settings under {@code messages}, checked at start-up.
 *
 * @param attachmentMaxBytes the largest attachment accepted; larger ones get 413
 */
public record MessageSettings(long attachmentMaxBytes) {

    public static final long DEFAULT_ATTACHMENT_MAX_BYTES = 10L * 1024 * 1024;

    public MessageSettings {
        if (attachmentMaxBytes < 1) {
            throw new IllegalStateException("messages.attachment-max-bytes must be at least 1");
        }
    }

    /**
     * Reads {@code messages}; the attachment limit must fit within {@code server.max-payload-size}, or the web server
     * would refuse large uploads before this feature could answer them.
     */
    public static MessageSettings from(Config config) {
        long max = config.get("messages.attachment-max-bytes").asLong().orElse(DEFAULT_ATTACHMENT_MAX_BYTES);
        long payload = config.get("server.max-payload-size").asLong().orElse(Long.MAX_VALUE);
        if (max > payload) {
            throw new IllegalStateException("messages.attachment-max-bytes (" + max + ") is larger than"
                                            + " server.max-payload-size (" + payload + ")");
        }
        return new MessageSettings(max);
    }
}
