package nl.familyliaison.cases;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The standard phases, in the order an investigation goes, in Dutch and English. */
class PhasesTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theNinePhasesComeInOrderInBothLanguages() {
        List<String> expected = List.of("start", "introduction", "plan", "interviews", "analysis", "draft-report",
                                        "briefing", "publication", "aftercare");
        for (String language : List.of("nl", "en")) {
            JsonNode phases = service.api().get("/api/phases?lang=" + language).json().path("phases");
            List<String> codes = new ArrayList<>();
            for (JsonNode phase : phases) {
                codes.add(phase.path("code").asText());
                assertEquals(language, phase.path("language").asText());
            }
            assertEquals(expected, codes);
        }
    }

    @Test
    void acceptLanguageChoosesWhenNoLanguageIsGiven() {
        String english = first(service.api().get("/api/phases", "Accept-Language", "en-GB,en;q=0.9,nl;q=0.5"));
        String dutch = first(service.api().get("/api/phases", "Accept-Language", "fr-FR, nl;q=0.8, en;q=0.7"));
        String fallback = first(service.api().get("/api/phases", "Accept-Language", "fr-FR"));
        assertEquals("The investigation starts", english);
        assertEquals("Het onderzoek begint", dutch);
        assertEquals("Het onderzoek begint", fallback);
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertProblem(service.api().get("/api/phases?lang=fr"), 400, "invalid-input");
    }

    private static String first(nl.familyliaison.support.Reply reply) {
        return reply.json().path("phases").path(0).path("title").asText();
    }
}
