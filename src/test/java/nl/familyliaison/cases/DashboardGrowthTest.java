package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The family inspector's dashboard reads rows of their own cases only: thousands of cases of another staff member
 * (the growth run's seeded cases, all of one investigator) leave the rows it reads, and its answer, as they were.
 */
class DashboardGrowthTest {

    private static final int OTHER_CASES = 3000;
    private static final int REQUESTS = 10;

    @RegisterExtension
    static final TestService service = TestService.perClass();

    private final CaseFiles files = new CaseFiles(service);

    @Test
    void casesOfAnotherStaffMemberAddNoRowsToTheDashboard() throws Exception {
        CaseFiles.Cast cast = files.cast("grow-dash");
        for (int c = 0; c < 2; c++) {
            CaseFiles.Cast each = c == 0 ? cast : files.another(cast, "grow-dash-" + c);
            files.member(each, "grow-dash-member-" + c);
            for (int i = 0; i < 10; i++) {
                each.inspectorApi().post("/api/cases/" + each.caseId() + "/updates", "{\"text\":\"Update " + i + "\"}");
            }
        }
        String before = cast.inspectorApi().get("/api/dashboard").body();
        long rowsBefore = rowsReadPerRequest(cast.inspectorApi());
        explainAll(cast.inspector().account().id(), "small");

        seedCasesOf(cast.investigator().account().id());
        explainAll(cast.inspector().account().id(), "large");
        long rowsAfter = rowsReadPerRequest(cast.inspectorApi());

        System.out.printf("r3 dashboard rows read per request: %d before, %d with %d other cases%n",
                          rowsBefore, rowsAfter, OTHER_CASES);
        assertEquals(before, cast.inspectorApi().get("/api/dashboard").body());
        assertTrue(rowsAfter <= rowsBefore + 100, "rows read: " + rowsBefore + " → " + rowsAfter);
    }

    private void explainAll(String staffId, String label) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = new ObjectMapper(new YAMLFactory()).readValue(
                getClass().getResourceAsStream("/statements/cases.yaml"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, String> named = (Map<String, String>) ((Map<String, Object>) yaml.get("db")).get("statements");
        for (String name : java.util.List.of("case-select-for-staff", "member-select-active-on-cases-of-staff",
                                             "member-phones-on-cases-of-inspector", "update-unread-on-cases-of-staff")) {
            String sql = named.get(name).replace(":staffId", "'" + staffId + "'")
                    .replace(":accountId", "'" + staffId + "'").replace(":today", "CURDATE()");
            try (Connection connection = service.running().database().dataSource().getConnection();
                 Statement plain = connection.createStatement();
                 ResultSet rows = plain.executeQuery("ANALYZE FORMAT=JSON " + sql)) {
                rows.next();
                System.out.println("=== " + label + " " + name + "\n" + rows.getString(1));
            }
        }
    }

    /** The rows the database reads (all Handler_read counters) per dashboard request: the least of three rounds. */
    private static long rowsReadPerRequest(Api api) throws SQLException {
        api.get("/api/dashboard");
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = rowsRead();
            for (int i = 0; i < REQUESTS; i++) {
                assertEquals(200, api.get("/api/dashboard").status());
            }
            least = Math.min(least, (rowsRead() - before) / REQUESTS);
        }
        return least;
    }

    private static long rowsRead() throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement plain = connection.createStatement();
             ResultSet rows = plain.executeQuery("SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS"
                                                 + " WHERE VARIABLE_NAME LIKE 'HANDLER_READ%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Cases the way the growth run seeds them: each with ten updates, a message thread and the one investigator on
     * staff.
     */
    private static void seedCasesOf(String investigatorId) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO investigation (id, reference, title, incident_date, status, phase_code,"
                        + " update_cadence_days, next_update_by, created_at, updated_at)"
                        + " SELECT UUID(), CONCAT('SEED-', seq), 'Onderzoek', '2026-01-15', 'OPEN', 'start', 28,"
                        + " '2026-04-01', NOW(6), NOW(6) FROM seq_1_to_" + OTHER_CASES);
            String seeded = " FROM investigation i WHERE i.reference LIKE 'SEED-%'";
            sql.execute("INSERT INTO investigation_staff (investigation_id, account_id, role, assigned_at)"
                        + " SELECT i.id, '" + investigatorId + "', 'INVESTIGATOR', NOW(6)" + seeded);
            sql.execute("INSERT INTO investigation_update (id, investigation_id, phase_code, author_id, body_key_id,"
                        + " body, for_all_members, corrects, posted_at)"
                        + " SELECT UUID(), i.id, 'start', '" + investigatorId + "', 'seed', RANDOM_BYTES(60), TRUE,"
                        + " NULL, NOW(6) - INTERVAL s.seq HOUR FROM investigation i JOIN seq_1_to_10 s"
                        + " WHERE i.reference LIKE 'SEED-%'");
            // Beyond the growth run: a member on each of those cases, so that their members are many too.
            sql.execute("INSERT INTO account (id, role, email, display_name, status, created_at, updated_at)"
                        + " VALUES ('seed-member', 'MEMBER', 'seed-member@example.org', 'Seed', 'ACTIVE', NOW(6),"
                        + " NOW(6))");
            sql.execute("INSERT INTO investigation_member (id, investigation_id, account_id, relation, invited_by,"
                        + " invited_at, phone_key_id, phone) SELECT UUID(), i.id, 'seed-member', 'PARENT', '"
                        + investigatorId + "', NOW(6), 'seed', RANDOM_BYTES(20)" + seeded);
            sql.execute("INSERT INTO investigation_update_read (update_id, account_id, read_at)"
                        + " SELECT u.id, 'seed-member', NOW(6) FROM investigation_update u"
                        + " JOIN investigation i ON i.id = u.investigation_id WHERE i.reference LIKE 'SEED-%'");
            sql.execute("INSERT INTO message_thread (id, investigation_id, started_by, created_at, last_message_at,"
                        + " last_position) SELECT UUID(), i.id, '" + investigatorId + "', NOW(6), NOW(6), 1" + seeded);
            sql.execute("INSERT INTO message (id, thread_id, position, author_id, body_key_id, body, posted_at)"
                        + " SELECT UUID(), t.id, 1, '" + investigatorId + "', 'seed', RANDOM_BYTES(60), NOW(6)"
                        + " FROM message_thread t JOIN investigation i ON i.id = t.investigation_id"
                        + " WHERE i.reference LIKE 'SEED-%'");
            sql.execute("ANALYZE TABLE message_thread, message, investigation_update_read,"
                        + " investigation, investigation_staff, investigation_update, investigation_member");
        }
    }
}
