package nl.familyliaison.messages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import nl.familyliaison.platform.ProblemException;

/**
 * Where the next page of a thread starts. Pages run from the newest message back, the way a conversation is read on
 * a phone: the first page is the latest, each next page is older. The cursor is opaque to clients; inside it is the
 * position (in its thread) of the oldest message of the page before. Tampering with it can only move within a thread
 * the caller may read anyway.
 */
public record Cursor(int before) {

    private static final String PREFIX = "before:";

    /** The start: before everything, i.e. the newest message first. */
    public static final Cursor NEWEST = new Cursor(Integer.MAX_VALUE);

    public String encode() {
        byte[] text = (PREFIX + before).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** The cursor a client sent back; none means the newest page. */
    public static Cursor decode(String sent) {
        if (sent == null || sent.isEmpty()) {
            return NEWEST;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(sent), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int before = Integer.parseInt(text.substring(PREFIX.length()));
                if (before > 0) {
                    return new Cursor(before);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Answered below, the same as any other cursor this service did not make.
        }
        throw ProblemException.invalid("cursor", "This cursor is not valid. Start again without one.");
    }
}
