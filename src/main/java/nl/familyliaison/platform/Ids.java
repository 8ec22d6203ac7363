package nl.familyliaison.platform;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers that appear in URLs: random 128-bit UUIDs (version 4), never sequential, so an id says nothing about
 * how many things exist or when they were made.
 */
public final class Ids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code text} has the form of an id; anything else cannot name an object and is simply not found. */
    public static boolean isId(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }
}
