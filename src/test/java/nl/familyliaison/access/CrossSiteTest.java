package nl.familyliaison.access;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A state-changing request needs this service's Origin and the CSRF header; another site can send neither. */
class CrossSiteTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void aForeignOriginIsRefused() {
        assertProblem(service.api().post("/api/sign-in/code-requests", "{\"email\":\"x@example.org\"}",
                                         "Origin", "https://evil.example"), 403, "forbidden");
    }

    @Test
    void aRequestWithoutOriginOrTokenIsRefused() {
        Api bare = service.api().withoutCrossSiteHeaders();
        assertProblem(bare.post("/api/sign-in/code-requests", "{\"email\":\"x@example.org\"}"), 403, "forbidden");
        assertProblem(bare.post("/api/sign-in/code-requests", "{\"email\":\"x@example.org\"}",
                                "Origin", service.api().origin()), 403, "forbidden");
    }

    @Test
    void aSignedInRequestNeedsTheSessionsOwnToken() {
        service.people().member("csrf@example.org");
        Api api = service.api().as(service.people().signInMember("csrf@example.org"));
        assertProblem(api.delete("/api/session", "X-CSRF-Token", "guessed"), 403, "forbidden");
        assertProblem(api.delete("/api/session", "Origin", "http://localhost:1"), 403, "forbidden");
        assertEquals(200, api.get("/api/session").status(), "the refused requests changed nothing");
        assertEquals(204, api.delete("/api/session").status());
    }
}
