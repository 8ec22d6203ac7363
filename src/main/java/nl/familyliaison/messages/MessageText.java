package nl.familyliaison.messages;

import nl.familyliaison.platform.ProblemException;

/**
 * The text of a message: what the person wrote without the blank space around it, 1 to 10,000 characters. Characters
 * are counted as people see them (an emoji is one), not as Java stores them.
 */
public record MessageText(String value) {

    public static final int MAX_CHARACTERS = 10_000;

    public MessageText {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length == 0 || value.isBlank()) {
            throw ProblemException.invalid("text", "Write a message.");
        }
        if (length > MAX_CHARACTERS) {
            throw ProblemException.invalid("text", "The message is too long: at most " + MAX_CHARACTERS
                                                   + " characters. Split it into more messages.");
        }
    }

    /** The text as sent: surrounding blank space removed. */
    public static MessageText of(String raw) {
        return new MessageText(raw == null ? null : raw.strip());
    }
}
