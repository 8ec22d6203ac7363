package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web client's files as a browser fetches them, revalidation included. */
class WebFilesTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrowserRevalidatingACachedFileGetsNotModifiedNotAProblem() throws IOException, InterruptedException {
        HttpResponse<String> again = revalidated(get("/app.js"));
        assertEquals("", again.body());
        assertTrue(again.headers().firstValue("Content-Type").isEmpty(), "no problem+json body");
    }

    @Test
    void aLanguagesClientTextsAreServedFromItsFolderAndRevalidated() throws IOException, InterruptedException {
        HttpResponse<String> first = get("/i18n/en.json");
        assertTrue(first.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(PageChecks.translations("en").get("quickExit.button"),
                     new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body())
                             .path("quickExit.button").asText());
        assertEquals("", revalidated(first).body());
    }

    @Test
    void theStaffAndAdministratorsTextsComeInTheirOwnFilesAndNotInTheOneEveryoneLoads()
            throws IOException, InterruptedException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var common = json.readTree(get("/i18n/uk.json").body());
        HttpResponse<String> staffFile = get("/i18n/uk-staff.json");
        var staff = json.readTree(staffFile.body());
        var admin = json.readTree(get("/i18n/uk-admin.json").body());
        Map<String, String> all = PageChecks.translations("uk");
        assertEquals(all.get("staffCase.post"), staff.path("staffCase.post").asText());
        assertEquals(all.get("adminFigures.title"), admin.path("adminFigures.title").asText());
        assertEquals(all.get("absence.title"), staff.path("absence.title").asText(), "listed for both");
        assertEquals(all.get("absence.title"), admin.path("absence.title").asText(), "listed for both");
        assertEquals(all.get("signIn.title"), common.path("signIn.title").asText());
        for (String key : List.of("staffCase.post", "adminFigures.title", "absence.title")) {
            assertTrue(common.path(key).isMissingNode(), key + " is not sent to everyone");
        }
        assertTrue(staff.path("adminFigures.title").isMissingNode() && admin.path("staffCase.post").isMissingNode()
                   && staff.path("signIn.title").isMissingNode(), "each file holds its audience's texts only");
        Set<String> sent = new TreeSet<>();
        List.of(common, staff, admin).forEach(file -> file.fieldNames().forEachRemaining(sent::add));
        assertEquals(new TreeSet<>(all.keySet()), sent, "every text is sent to someone");
        assertEquals("", revalidated(staffFile).body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(service.api().base().resolve(path)).build(),
                                               HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), path);
        return first;
    }

    /** The same request again with the ETag of {@code first}: 304, nothing sent. */
    private HttpResponse<String> revalidated(HttpResponse<String> first) throws IOException, InterruptedException {
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(first.uri()).header("If-None-Match", etag)
                                                       .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), again.body());
        return again;
    }

    @Test
    void theLanguagesAreListedPubliclyDutchFirst() {
        var listed = service.api().get("/api/languages").json().path("languages");
        assertEquals("nl", listed.path(0).path("code").asText());
        assertEquals("Nederlands", listed.path(0).path("name").asText());
        assertEquals("en", listed.path(1).path("code").asText());
        assertTrue(listed.path(1).path("reviewed").asBoolean());
        assertTrue(listed.path(0).path("unreviewed").isMissingNode(), "a reviewed language carries no warning");
    }

    @Test
    void aLanguageNoNativeSpeakerHasCheckedSaysSoInItself() {
        var listed = service.api().get("/api/languages").json().path("languages");
        var arabic = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(language -> language.path("code").asText().equals("ar")).findFirst().orElseThrow();
        assertFalse(arabic.path("reviewed").asBoolean());
        assertTrue(arabic.path("unreviewed").asText().contains("العربية"), arabic.toString());
    }

    @Test
    void anUnknownLanguageGetsANotFoundProblem() throws IOException, InterruptedException {
        for (String path : List.of("/i18n/xx.json", "/i18n/nl.txt", "/i18n/..%2Fapplication.yaml",
                                         "/i18n/nl-member.json", "/i18n/xx-staff.json")) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(service.api().base().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), path);
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        }
    }
}
