package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many statements the two busiest reads send to the database: a member's timeline (r1) and the family
 * inspector's dashboard (r3). The counts are MariaDB's own ({@code Questions}), over many requests, so a change that
 * adds a query per update or per case shows here at once.
 */
class ReadStatementsTest {

    private static final int REQUESTS = 20;

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private final CaseFiles files = new CaseFiles(service);

    @Test
    void aMembersTimelineOfTenUpdatesTakesAFixedHandfulOfStatements() throws Exception {
        CaseFiles.Cast cast = files.cast("stmt-timeline");
        CaseFiles.Member member = files.member(cast, "stmt-timeline-member");
        CaseFiles.Member other = files.member(cast, "stmt-timeline-other");
        String path = "/api/cases/" + cast.caseId() + "/updates";
        for (int i = 0; i < 10; i++) {
            String chosen = i % 2 == 0 ? "" : ",\"visibleTo\":[\"" + member.membershipId() + "\",\""
                                              + other.membershipId() + "\"]";
            String id = cast.inspectorApi().post(path, "{\"text\":\"Stand van zaken " + i + "\"" + chosen + "}")
                    .json().path("id").asText();
            if (i < 5) {
                member.api().post(path + "/" + id + "/read", "{}");
            }
        }
        String timeline = "/api/cases/" + cast.caseId() + "/timeline";
        JsonNode entries = member.api().get(timeline).json().path("entries");
        assertEquals(10, entries.size());
        assertEquals(5, entries.findValues("read").stream().filter(JsonNode::asBoolean).count(), entries.toString());

        double perRequest = statementsPerRequest(member.api(), timeline);
        System.out.printf("r1 member timeline: %.2f statements per request%n", perRequest);
        assertTrue(perRequest <= 6, "statements per timeline read: " + perRequest);
    }

    @Test
    void theDashboardOfManyUnreadUpdatesTakesAFixedHandfulOfStatements() throws Exception {
        CaseFiles.Cast cast = files.cast("stmt-dash");
        for (int c = 0; c < 4; c++) {
            CaseFiles.Cast each = c == 0 ? cast : files.another(cast, "stmt-dash-" + c);
            files.member(each, "stmt-dash-member-" + c);
            for (int i = 0; i < 5; i++) {
                each.inspectorApi().post("/api/cases/" + each.caseId() + "/updates", "{\"text\":\"Update " + i + "\"}");
            }
        }
        double perRequest = statementsPerRequest(cast.inspectorApi(), "/api/dashboard");
        System.out.printf("r3 dashboard: %.2f statements per request%n", perRequest);
        assertTrue(perRequest <= 11, "statements per dashboard read: " + perRequest);
    }

    /**
     * The statements per answered {@code GET path}, the counting query itself taken off: the least of three rounds,
     * since the service's background work (mail of the updates just posted) can only add to a round.
     */
    private static double statementsPerRequest(Api api, String path) throws SQLException {
        api.get(path);
        double least = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = questions();
            for (int i = 0; i < REQUESTS; i++) {
                assertEquals(200, api.get(path).status());
            }
            least = Math.min(least, (questions() - before - 1) / (double) REQUESTS);
        }
        return least;
    }

    private static long questions() throws SQLException {
        return Sql.count(service, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                                  + " WHERE VARIABLE_NAME = 'QUESTIONS'");
    }
}
