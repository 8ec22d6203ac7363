package nl.familyliaison.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timeline texts are stored encrypted like message bodies: an update, its correction and the closing text, read with
 * plain JDBC from every column of every table, give nothing away, while the API still shows them. Texts stored in
 * plain before (moved aside by migration V16) are sealed when the service starts.
 */
class TimelineAtRestTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();
    private static final CaseFiles files = new CaseFiles(service);
    private static final Tables tables = new Tables(service);

    private static final String UPDATE = "De wijkagent van Pieter wordt volgende week gehoord";
    private static final String CORRECTION = "Het gesprek met de wijkagent van Pieter is verschoven";
    private static final String CLOSING = "Het onderzoek naar de dood van Pieter is afgerond";

    @Test
    void updatesCorrectionsAndClosingTextsHoldNoPlainText() {
        CaseFiles.OpenCase file = files.open("fi-rest@inspectie.example", "2026-AR1");
        Api member = files.member(file, "rest-kin@example.org", "SIBLING");
        String base = "/api/cases/" + file.caseId();
        String update = file.inspectorApi().post(base + "/updates", "{\"text\":\"" + UPDATE + "\"}").json()
                .path("id").asText();
        assertEquals(201, file.inspectorApi().post(base + "/updates/" + update + "/corrections",
                                                   "{\"text\":\"" + CORRECTION + "\"}").status());
        assertEquals(200, file.inspectorApi().post(base + "/closing", "{\"text\":\"" + CLOSING + "\"}").status());

        for (String secret : List.of(UPDATE, CORRECTION, CLOSING, "Pieter", "wijkagent")) {
            assertEquals(List.of(), tables.columnsContaining(secret), "stored in clear: " + secret);
        }
        assertEquals(3, tables.count("investigation_update", "investigation_id = ? AND body_key_id = ?"
                                                             + " AND body_plain IS NULL", file.caseId(),
                                     "test-1/hkdf"), "sealed with the derived key, named on every row");

        JsonNode entry = member.get(base + "/updates/" + update).json();
        assertEquals(UPDATE, entry.path("text").asText(), "and the service reads them back");
        assertEquals(CORRECTION, entry.path("corrections").path(0).path("text").asText());
        List<String> texts = new java.util.ArrayList<>();
        member.get(base + "/timeline").json().path("entries").forEach(each -> texts.add(each.path("text").asText()));
        assertEquals(java.util.Set.of(UPDATE, CLOSING), java.util.Set.copyOf(texts));
    }

    @Test
    void textsStoredInPlainBeforeAreSealedWhenTheServiceStarts() throws SQLException {
        CaseFiles.OpenCase file = files.open("fi-old@inspectie.example", "2026-AR2");
        String base = "/api/cases/" + file.caseId();
        String update = file.inspectorApi().post(base + "/updates", "{\"text\":\"Nieuw\"}").json().path("id")
                .asText();
        // As migration V16 leaves a text that was stored before texts were encrypted.
        String old = "Een oude tekst over Pieter van voor de versleuteling";
        jdbc("UPDATE investigation_update SET body_plain = ?, body_key_id = NULL, body = NULL WHERE id = ?", old,
             update);
        assertEquals(List.of("investigation_update.body_plain"), tables.columnsContaining(old));

        try (TestService restarted = TestService.builder()
                .set("db.url", service.setting("db.url")).start()) {
            assertEquals(List.of(), tables.columnsContaining(old), "sealed at start-up, nothing left in clear");
            assertEquals(old, restarted.api().as(service.people().signInStaff(file.inspector()))
                    .get(base + "/timeline").json().path("entries").path(0).path("text").asText());
        }
        assertEquals(old, file.inspectorApi().get(base + "/timeline").json().path("entries").path(0).path("text")
                .asText(), "and the running instance reads it too");
        assertEquals(0, tables.count("investigation_update", "body_key_id IS NULL OR body_plain IS NOT NULL"));
    }

    @Test
    void aRowCannotHoldItsTextBothWays() {
        CaseFiles.OpenCase file = files.open("fi-both@inspectie.example", "2026-AR3");
        String update = file.inspectorApi().post("/api/cases/" + file.caseId() + "/updates", "{\"text\":\"Eén\"}")
                .json().path("id").asText();
        assertThrows(SQLException.class, () -> jdbc("UPDATE investigation_update SET body_plain = 'x' WHERE id = ?",
                                                    update));
        assertThrows(SQLException.class, () -> jdbc("UPDATE investigation_update SET body = NULL WHERE id = ?",
                                                    update));
    }

    private static void jdbc(String sql, Object... values) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
