package nl.familyliaison.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on problem+json answers. */
public final class Problems {

    /** Words that betray internals: Java classes, stack frames, SQL. */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("Exception"), Pattern.compile("\\bat [a-z]+\\.[a-z]"), Pattern.compile("java\\."),
            Pattern.compile("nl\\.familyliaison"), Pattern.compile("io\\.helidon"), Pattern.compile("jackson"),
            Pattern.compile("\\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \\w+ SET|FROM \\w+ WHERE)\\b"),
            Pattern.compile("SQL"), Pattern.compile("mariadb", Pattern.CASE_INSENSITIVE));

    private Problems() {
    }

    /** The answer is an RFC 9457 problem with this status and code, and shows nothing of the inside. */
    public static JsonNode assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertTrue(reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
                   () -> "content type " + reply.contentType());
        JsonNode problem = reply.json();
        assertEquals("urn:family-liaison:problem:" + code, problem.path("type").asText(), reply::toString);
        assertEquals(code, problem.path("code").asText());
        assertEquals(status, problem.path("status").asInt());
        assertFalse(problem.path("title").asText().isBlank());
        assertEquals(reply.header("X-Request-Id"), problem.path("requestId").asText());
        assertNoInternals(reply.body());
        return problem;
    }

    public static void assertNoInternals(String body) {
        for (Pattern internal : INTERNALS) {
            assertFalse(internal.matcher(body).find(), () -> "the answer shows internals (" + internal + "): " + body);
        }
    }
}
