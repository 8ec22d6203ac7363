package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import nl.familyliaison.platform.ProblemException;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorComesBackAsItWasGiven() {
        Cursor cursor = new Cursor(42);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        assertFalse(cursor.encode().contains("42"), "opaque: clients do not build their own");
    }

    @Test
    void noCursorMeansTheNewestPage() {
        assertEquals(Cursor.NEWEST, Cursor.decode(null));
        assertEquals(Cursor.NEWEST, Cursor.decode(""));
    }

    @Test
    void aCursorThisServiceDidNotMakeIsRefused() {
        for (String made : new String[] {"%%%", "42", encoded("before:x"), encoded("before:-1"), encoded("after:3"),
                                         encoded("before:99999999999")}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Cursor.decode(made), made);
            assertEquals("cursor", refused.errors().getFirst().field());
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
