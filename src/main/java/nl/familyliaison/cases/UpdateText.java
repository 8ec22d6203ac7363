package nl.familyliaison.cases;

import java.nio.charset.StandardCharsets;

import nl.familyliaison.platform.KeyRing;

/**
 * The text of a timeline entry as stored: sealed with AES-256-GCM and bound to the entry's id, so a text copied onto
 * another row (or another column) does not open there.
 */
final class UpdateText {

    private final KeyRing keys;

    UpdateText(KeyRing keys) {
        this.keys = keys;
    }

    KeyRing.Sealed seal(String updateId, String text) {
        return keys.seal(text.getBytes(StandardCharsets.UTF_8), context(updateId));
    }

    String open(String updateId, KeyRing.Sealed sealed) {
        return new String(keys.open(sealed, context(updateId)), StandardCharsets.UTF_8);
    }

    static String context(String updateId) {
        return "investigation_update.body:" + updateId;
    }
}
