package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff dashboard lists the staff member's cases and the update promises that have passed. */
class DashboardTest {

    @RegisterExtension
    static final RunningService service = new RunningService();
    private static final CaseFiles files = new CaseFiles(service);

    @Test
    void aPassedPromiseShowsAsOverdueUntilTheNextUpdate() {
        CaseFiles.OpenCase file = files.open("fi-dash@inspectie.example", "2026-D01");
        JsonNode before = file.inspectorApi().get("/api/dashboard").json();
        assertEquals(1, before.path("cases").size());
        assertEquals(0, before.path("overdueUpdates").size());

        service.clock().advance(Duration.ofDays(29));
        Api inspector = service.api().as(service.people().signInStaff(file.inspector()));
        JsonNode overdue = inspector.get("/api/dashboard").json();
        assertEquals(file.caseId(), overdue.path("overdueUpdates").path(0).path("id").asText());
        assertTrue(overdue.path("cases").path(0).path("updateOverdue").asBoolean());

        inspector.post("/api/cases/" + file.caseId() + "/updates", "{\"text\":\"Het onderzoek loopt.\"}");
        JsonNode after = inspector.get("/api/dashboard").json();
        assertEquals(0, after.path("overdueUpdates").size());
        assertFalse(after.path("cases").path(0).path("updateOverdue").asBoolean());
    }
}
