package nl.familyliaison.messages;

import java.time.Instant;

import nl.familyliaison.platform.KeyRing;

/** A message as stored: its body still sealed. */
record StoredMessage(String id, String threadId, int position, String authorId, KeyRing.Sealed body,
                     Instant postedAt) {

    /** What the body was sealed with, so it opens only as the body of this very message. */
    static String context(String messageId) {
        return "message.body:" + messageId;
    }
}
