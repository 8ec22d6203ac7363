package nl.familyliaison.cases;

import java.nio.charset.StandardCharsets;

import nl.familyliaison.platform.KeyRing;

/**
 * A text as stored in {@code column} (as {@code table.column}): sealed with AES-256-GCM and bound to the column and
 * the row's id, so a text copied onto another row (or another column) does not open there.
 */
record SealedText(KeyRing keys, String column) {

    KeyRing.Sealed seal(String id, String text) {
        return keys.seal(text.getBytes(StandardCharsets.UTF_8), context(id));
    }

    String open(String id, KeyRing.Sealed sealed) {
        return new String(keys.open(sealed, context(id)), StandardCharsets.UTF_8);
    }

    private String context(String id) {
        return column + ":" + id;
    }
}
