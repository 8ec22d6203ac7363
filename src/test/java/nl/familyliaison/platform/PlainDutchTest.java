package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.familyliaison.platform.DutchTexts.Text;
import org.junit.jupiter.api.Test;

/**
 * Plain Dutch (B1) stays plain as texts change: no sentence over 20 words and no officialese in the client texts,
 * the phase texts, the server's texts and the mail templates. Reads files only.
 */
class PlainDutchTest {

    private static final PlainDutch RULES = PlainDutch.load();
    private static final List<Text> TEXTS = DutchTexts.all();

    @Test
    void everyDutchTextIsPlain() {
        List<String> problems = new ArrayList<>();
        for (Text text : TEXTS) {
            for (PlainDutch.Problem problem : RULES.problems(text.text())) {
                problems.add(text.file() + ", " + DutchTexts.where(text, problem.sentence()) + ": " + problem);
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " Dutch sentences are not plain (B1):\n"
                                       + String.join("\n", problems));
    }

    @Test
    void everyKindOfTextIsRead() {
        assertTrue(count(TEXTS, DutchTexts.CLIENT) > 500, "client texts");
        assertEquals(36, count(TEXTS, DutchTexts.PHASES), "nine phases of four texts");
        assertTrue(count(TEXTS, DutchTexts.SERVER) > 10, "server texts");
        assertTrue(TEXTS.stream().filter(text -> text.file().startsWith(DutchTexts.MAILS)).count() >= 60,
                   "mail templates: subject, text and html of each");
        assertTrue(TEXTS.stream().anyMatch(text -> text.file().toString().endsWith("nl.html.mustache")
                                                   && text.text().contains("Familiecontact")
                                                   && !text.text().contains("<p>")), "html read as words");
    }

    @Test
    void aLongSentenceIsFlaggedAndAShortOneNot() {
        String longOne = "Wij willen u graag laten weten dat uw familie-inspecteur u in de komende weken zal bellen"
                         + " om samen met u te bespreken hoe het onderzoek verloopt.";
        assertEquals(List.of("26 words (at most 20; split it): \"" + longOne + "\""), problems(longOne));
        assertEquals(List.of(), problems("Uw familie-inspecteur belt u in de komende weken. Dan bespreekt"
                                               + " u samen hoe het onderzoek gaat."));
    }

    @Test
    void officialeseIsFlaggedWithThePlainerWord() {
        assertEquals(List.of("\"Indien\": write \"als\" instead: \"Indien u vragen hebt, belt u ons.\""),
                     problems("Indien u vragen hebt, belt u ons. Wat moet u doen?"));
        assertEquals(List.of("\"wederhoor\": write \"reactie vragen / laten reageren\" instead: \"Dit heet"
                             + " wederhoor.\""), problems("Dit heet wederhoor."));
        assertEquals(1, problems("De organisaties dienen te reageren.").size());
        assertEquals(1, problems("Dan dient u de link te volgen.").size());
        assertEquals(List.of(), problems("Wilt u een klacht indienen? Dien hem hier in."), "other verbs");
        assertEquals(1, problems("Dit geldt ten  aanzien\nvan uw zoon.").size(), "across white space");
        assertEquals(List.of(), problems("Wij vragen de organisaties om een reactie. Melder: {name}."),
                     "whole words only");
        assertEquals(1, problems("Lees bijv. de brief.").size(), "abbreviations are written out");
    }

    @Test
    void placeholdersAddressesAndAbbreviationsEndNoSentence() {
        assertEquals(List.of("Mail naar info@inspectie.nl of ga naar https://www.familiecontact.nl/hulp?x=1.",
                             "Hallo {name}!", "Vragen?"),
                     PlainDutch.sentences("Mail naar info@inspectie.nl of ga naar "
                                          + "https://www.familiecontact.nl/hulp?x=1. Hallo {name}! Vragen?"));
        assertEquals(List.of("Neem o.a. uw paspoort mee.", "Hallo,", "Log in op:", "{{serviceUrl}}",
                             "U krijgt een code per e-mail."),
                     PlainDutch.sentences("Neem o.a. uw paspoort mee. Hallo,\n\nLog in op:\n{{serviceUrl}}\n\n"
                                          + "U krijgt een code per\ne-mail."));
        assertEquals(3, PlainDutch.words("Hallo {{name}}, welkom!"));
    }

    private static List<String> problems(String text) {
        return RULES.problems(text).stream().map(PlainDutch.Problem::toString).toList();
    }

    private static long count(List<Text> texts, Path file) {
        return texts.stream().filter(text -> text.file().equals(file)).count();
    }
}
