package nl.familyliaison.messages;

import java.time.Instant;

import nl.familyliaison.platform.KeyRing;

/**
 * A message as stored: its body still sealed.
 *
 * @param onBehalfOf the membership a representative wrote it for, or null
 */
record StoredMessage(String id, String threadId, int position, String authorId, KeyRing.Sealed body,
                     Instant postedAt, String onBehalfOf) {

    /** What the body was sealed with, so it opens only as the body of this very message. */
    static String context(String messageId) {
        return "message.body:" + messageId;
    }
}
