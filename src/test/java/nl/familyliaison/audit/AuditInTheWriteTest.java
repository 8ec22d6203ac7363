package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.Sql;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write's object-level event is part of the write's transaction. Failures are injected in MariaDB itself, with a
 * trigger the test creates: when the event cannot be stored the write is not stored either (there is no committed
 * change without its event), and when the transaction fails after the event was appended, the event goes with it.
 * The reads that list across cases leave an event too.
 */
class AuditInTheWriteTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void aWriteWhoseEventCannotBeStoredIsNotStoredEither() throws SQLException {
        CaseFiles.OpenCase file = new CaseFiles(service).open("atomic@inspectie.example", "AUD-TX-1");
        String updates = "/api/cases/" + file.caseId() + "/updates";
        sql("CREATE TRIGGER refuse_update_event BEFORE INSERT ON audit_event FOR EACH ROW"
            + " IF NEW.action = 'case.update.post' AND NEW.object_type = 'update' THEN"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; END IF");
        Reply refused;
        try {
            refused = file.inspectorApi().unchecked().post(updates, "{\"text\":\"Het onderzoek is begonnen.\"}");
        } finally {
            sql("DROP TRIGGER refuse_update_event");
        }
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(0, count("SELECT COUNT(*) FROM investigation_update WHERE investigation_id = ?", file.caseId()),
                     "the update went back with its event");

        Reply posted = file.inspectorApi().post(updates, "{\"text\":\"Het onderzoek is begonnen.\"}");
        assertEquals(201, posted.status(), posted::toString);
        String updateId = posted.json().path("id").asText();
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'case.update.post'"
                              + " AND object_type = 'update' AND object_id = ? AND case_id = ?", updateId,
                              file.caseId()));
    }

    @Test
    void aWriteThatFailsAfterItsEventLeavesNoEvent() throws SQLException {
        CaseFiles.OpenCase file = new CaseFiles(service).open("rollback@inspectie.example", "AUD-TX-2");
        Api member = new CaseFiles(service).member(file, "rollback-member@example.org", "PARTNER");
        String threads = "/api/cases/" + file.caseId() + "/threads";
        String thread = member.post(threads, "{\"text\":\"Een vraag.\"}").json().path("thread").path("id").asText();
        String messages = threads + "/" + thread + "/messages";
        long eventsBefore = count("SELECT COUNT(*) FROM audit_event WHERE action = 'case.message.post'"
                                  + " AND object_type = 'message'");
        // Storing the answer for the Idempotency-Key is the last statement of the transaction, after the event.
        sql("CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_key FOR EACH ROW"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'");
        Reply refused;
        try {
            refused = member.unchecked().post(messages, "{\"text\":\"Nog een vraag.\"}", "Idempotency-Key", "k-1");
        } finally {
            sql("DROP TRIGGER refuse_answer");
        }
        assertTrue(refused.status() >= 500, refused::toString);
        assertEquals(1, count("SELECT COUNT(*) FROM message WHERE thread_id = ?", thread), "only the first message");
        assertEquals(eventsBefore, count("SELECT COUNT(*) FROM audit_event WHERE action = 'case.message.post'"
                                         + " AND object_type = 'message'"), "no event of the write that failed");

        JsonNode posted = member.post(messages, "{\"text\":\"Nog een vraag.\"}", "Idempotency-Key", "k-2").json();
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'case.message.post'"
                              + " AND object_type = 'message' AND object_id = ?", posted.path("id").asText()));
    }

    @Test
    void theReadsThatListAcrossCasesLeaveAnEvent() throws SQLException {
        CaseFiles.OpenCase file = new CaseFiles(service).open("reader@inspectie.example", "AUD-READ-1");
        Api member = new CaseFiles(service).member(file, "reader-member@example.org", "PARENT");
        People.Staff admin = service.people().staff(Role.ADMIN, "reading-admin@inspectie.example");
        Api adminApi = service.api().as(service.people().signInStaff(admin));
        String inspector = file.inspector().account().id();

        assertLeavesEvent("dashboard.read", inspector, () -> file.inspectorApi().get("/api/dashboard"));
        assertLeavesEvent("case.list", inspector, () -> file.inspectorApi().get("/api/cases"));
        assertLeavesEvent("staff.list", admin.account().id(), () -> adminApi.get("/api/staff"));
        assertLeavesEvent("account.removal.list", inspector, () -> file.inspectorApi().get("/api/removal-requests"));
        String memberId = People.whoAmI(member).path("accountId").asText();
        assertLeavesEvent("account.removal.list", memberId, () -> member.get("/api/removal-requests"));
        assertLeavesEvent("audit.verify", admin.account().id(), () -> adminApi.get("/api/audit/verification"));
    }

    private static void assertLeavesEvent(String action, String actorId, java.util.function.Supplier<Reply> read)
            throws SQLException {
        String query = "SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor_account_id = ?";
        long before = count(query, action, actorId);
        Reply reply = read.get();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(before + 1, count(query, action, actorId), action);
    }

    private static void sql(String statement) throws SQLException {
        Sql.run(service, statement);
    }

    private static long count(String query, Object... parameters) throws SQLException {
        return Sql.count(service, query, parameters);
    }
}
