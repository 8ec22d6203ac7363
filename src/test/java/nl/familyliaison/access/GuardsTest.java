package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.familyliaison.audit.AuditEvent;
import nl.familyliaison.audit.Outcome;
import org.junit.jupiter.api.Test;

/** A refusal on a long route is still an event the audit trail accepts. */
class GuardsTest {

    @Test
    void aRouteLongerThanTheAuditIdKeepsItsStartAndFitsAnAuditEvent() {
        String route = "/api/cases/{caseId}/briefings/{briefingId}/explanation-meetings/{memberId}";
        String audited = Guards.auditedRoute(route);
        assertEquals(Guards.AUDITED_ROUTE_LENGTH, audited.length());
        assertTrue(audited.startsWith("/api/cases/{caseId}/briefings/"));
        AuditEvent.builder("access.refused", Outcome.DENIED, java.time.Instant.EPOCH).object("route", audited)
                .build();
    }

    @Test
    void aShortRouteIsRecordedAsItIs() {
        assertEquals("/api/cases/{caseId}", Guards.auditedRoute("/api/cases/{caseId}"));
    }
}
