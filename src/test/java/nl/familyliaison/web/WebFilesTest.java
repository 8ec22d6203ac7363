package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
        URI page = service.api().base().resolve("/app.js");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(page).build(),
                                               HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(page).header("If-None-Match", etag).build(),
                                               HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), again.body());
        assertEquals("", again.body());
        assertTrue(again.headers().firstValue("Content-Type").isEmpty(), "no problem+json body");
    }
}
