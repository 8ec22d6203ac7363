package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void blankSpaceAroundTheTextIsRemoved() {
        assertEquals("Hallo", MessageText.of("\n  Hallo \t").value());
        assertEquals("een\n\ntwee", MessageText.of("een\n\ntwee").value(), "inside, the text stays as written");
    }

    @Test
    void aMessageSaysSomething() {
        for (String nothing : new String[] {null, "", "   ", "\n\t"}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> MessageText.of(nothing));
            assertEquals(ProblemType.INVALID_INPUT, refused.type());
            assertEquals("text", refused.errors().getFirst().field());
        }
    }

    @Test
    void tenThousandCharactersFitAndOneMoreDoesNot() {
        assertEquals(10_000, MessageText.of("a".repeat(10_000)).value().length());
        assertThrows(ProblemException.class, () -> MessageText.of("a".repeat(10_001)));
        assertEquals(10_000, MessageText.of(" " + "a".repeat(10_000) + " ").value().length(), "counted after trimming");
    }

    @Test
    void charactersAreCountedAsPeopleSeeThem() {
        String hearts = "\uD83D\uDC99".repeat(10_000);
        assertEquals(20_000, hearts.length(), "two Java chars each");
        assertEquals(hearts, MessageText.of(hearts).value());
        assertThrows(ProblemException.class, () -> MessageText.of(hearts + "\uD83D\uDC99"));
    }
}
