package nl.familyliaison.audit;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.familyliaison.platform.Json;

/** An event's columns as the insert statements take them: one row's parameters, or a batch as one JSON array. */
final class EventRows {

    private EventRows() {
    }

    /** The parameters of one row, without its content hash. */
    static Map<String, Object> row(String id, AuditEvent event) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("actor_account_id", event.actorAccountId());
        row.put("actor_role", event.actorRole());
        row.put("action", event.action());
        row.put("object_type", event.objectType());
        row.put("object_id", event.objectId());
        row.put("case_id", event.caseId());
        row.put("outcome", event.outcome().name());
        row.put("occurred_at", AuditTime.text(event.at()));
        row.put("request_id", event.requestId());
        row.put("ip", event.ip());
        row.put("detail", event.detail());
        return row;
    }

    /** The batch for {@code audit-insert-batch}, content hashes in hex. */
    static String json(List<AuditRepository.NewEvent> events) {
        List<Map<String, Object>> rows = events.stream().map(event -> {
            Map<String, Object> row = row(event.id(), event.event());
            row.put("content_hash", HexFormat.of().formatHex(event.contentHash()));
            // An absent key reads as NULL in the statement's JSON_TABLE.
            row.values().removeIf(Objects::isNull);
            return row;
        }).toList();
        try {
            return Json.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit events that cannot be written as JSON", e);
        }
    }
}
