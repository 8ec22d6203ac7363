package nl.familyliaison.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.platform.Json;

/** One answer of the service as a test sees it. */
public record Reply(int status, HttpHeaders headers, String body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public JsonNode json() {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
