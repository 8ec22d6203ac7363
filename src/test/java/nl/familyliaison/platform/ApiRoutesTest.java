package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.Method;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    @Test
    void aTemplateMatchesOnePathSegmentPerParameter() {
        ApiRoutes.Route route = new ApiRoutes.Route(Method.GET, "/api/cases/{caseId}/messages", ApiRoutes.PUBLIC);
        assertTrue(route.matches("/api/cases/0190a1b2-c3d4/messages"));
        assertFalse(route.matches("/api/cases/a/b/messages"));
        assertFalse(route.matches("/api/cases//messages"));
        assertFalse(route.matches("/api/cases/x/messages/more"));
    }

    @Test
    void dotsInTemplatesAreLiteral() {
        ApiRoutes.Route route = new ApiRoutes.Route(Method.GET, "/api/appointments/{id}/calendar.ics",
                                                    ApiRoutes.PUBLIC);
        assertTrue(route.matches("/api/appointments/abc/calendar.ics"));
        assertFalse(route.matches("/api/appointments/abc/calendarXics"));
    }
}
