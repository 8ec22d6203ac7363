package nl.familyliaison.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import nl.familyliaison.platform.ContractOperations.BodyKind;
import nl.familyliaison.platform.ContractOperations.Op;

/**
 * Malformed requests for one operation of the contract: wrong ids, wrong query values, bodies with missing, extra,
 * mistyped, empty and huge fields, broken UTF-8, not JSON at all, wrong content types, and methods the path does not
 * have. Each starts from a well-formed request built from the operation's schema and breaks one thing, so that it
 * gets past the earlier checks and reaches the one it aims at.
 */
final class BadRequests {

    /** One request to send. */
    record Bad(Op op, String kind, String method, String path, String contentType, byte[] body,
               List<String> headers) {
        @Override
        public String toString() {
            return kind + ": " + method + " " + path + " (" + contentType + ") "
                   + (body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longer than any text field may be (the longest allowed is 10,000 characters). */
    private static final String HUGE = "x".repeat(20_000);
    private static final List<String> WRONG_IDS = List.of(
            "x", "0", "-1", "00000000-0000-0000-0000-000000000000", "%00", "%C3%28", "%FF%FE%FD", "..%2F..%2Fetc",
            "1%27%20OR%20%271%27=%271", "%22%3E%3Cscript%3E", "%C3%BC%C3%B1%C3%AE", "null", "a".repeat(600),
            "%2e%2e", "*", "%0D%0ASet-Cookie:%20x=1", "1e9999", "{id}", "%E2%80%AE", "%F0%9F%92%A9",
            "%20", "%09", "~");
    private static final List<String> WRONG_QUERY = List.of("abc", "-1", "99999999999999999999999", "", "%FF%FE",
                                                            "%00", "1.5", "a".repeat(3000), "true");
    private static final List<String> WRONG_TYPES = List.of(
            "%s", "Content-Type is wrong", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "garbage");
    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "FOO");

    private final Map<String, String> realIds;

    /** @param realIds ids of existing objects by path parameter or property name (caseId, threadId …) */
    BadRequests(Map<String, String> realIds) {
        this.realIds = realIds;
    }

    /** Every malformed request for {@code op}; {@code methods} are the ones its path is described with. */
    List<Bad> of(Op op, List<String> methods, boolean realIdsAllowed) {
        List<Bad> all = new ArrayList<>();
        byte[] good = op.body() == BodyKind.JSON ? bytes(example(op.schema())) : null;
        String goodType = op.body() == BodyKind.JSON ? "application/json"
                          : op.body() == BodyKind.RAW ? "application/octet-stream" : null;
        byte[] goodRaw = op.body() == BodyKind.RAW ? "%PDF-".getBytes(StandardCharsets.US_ASCII) : good;
        String path = realIdsAllowed ? path(op, null, null) : path(op, "wrong", UUID.randomUUID().toString());
        Consumer<Bad> add = all::add;

        for (Parameter parameter : op.in("path")) {
            for (String wrong : WRONG_IDS) {
                add.accept(new Bad(op, "wrong id " + parameter.getName(), op.method(),
                                   path(op, parameter.getName(), wrong), goodType, goodRaw, List.of()));
            }
            add.accept(new Bad(op, "unknown id " + parameter.getName(), op.method(),
                               path(op, parameter.getName(), UUID.randomUUID().toString()), goodType, goodRaw,
                               List.of()));
        }
        for (Parameter parameter : op.in("query")) {
            for (String wrong : WRONG_QUERY) {
                add.accept(new Bad(op, "query " + parameter.getName(), op.method(),
                                   path + "?" + parameter.getName() + "=" + wrong, goodType, goodRaw, List.of()));
            }
            add.accept(new Bad(op, "query twice", op.method(),
                               path + "?" + parameter.getName() + "=a&" + parameter.getName() + "=b", goodType,
                               goodRaw, List.of()));
        }
        for (Parameter parameter : op.in("header")) {
            if (parameter.getName().equalsIgnoreCase("Idempotency-Key")
                || parameter.getName().equalsIgnoreCase("X-File-Name")) {
                for (String wrong : List.of("", " ", "k".repeat(5000), "%FF%00", "../../etc/passwd", "a\tb")) {
                    add.accept(new Bad(op, "header " + parameter.getName(), op.method(), path, goodType, goodRaw,
                                       List.of(parameter.getName(), wrong)));
                }
            }
        }
        if (op.body() == BodyKind.JSON) {
            jsonBodies(op, path, add);
        }
        if (op.body() == BodyKind.RAW) {
            for (byte[] raw : List.of(new byte[0], "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1),
                                      "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8),
                                      new byte[] {(byte) 0xFF, (byte) 0xD8}, new byte[] {(byte) 0x89, 'P', 'N'})) {
                add.accept(new Bad(op, "raw body", op.method(), path, goodType, raw, List.of()));
            }
        }
        if (op.body() != BodyKind.NONE || op.changesState()) {
            for (String type : WRONG_TYPES) {
                add.accept(new Bad(op, "content type", op.method(), path,
                                   type.equals("%s") ? null : type, goodRaw == null ? bytes("{}") : goodRaw,
                                   List.of()));
            }
        }
        if (op.changesState()) {
            for (List<String> headers : List.of(List.of("Origin", "https://evil.example"),
                                                List.of("Origin", "null"),
                                                List.of("X-CSRF-Token", "guessed"),
                                                List.of("Cookie", "__Host-fl-session=forged"))) {
                add.accept(new Bad(op, "cross-site " + headers.getFirst(), op.method(), path, goodType, goodRaw,
                                   headers));
            }
        }
        if (!op.changesState()) {
            add.accept(new Bad(op, "accept", op.method(), path, null, null, List.of("Accept", "application/xml")));
        }
        for (String method : OTHER_METHODS) {
            if (!methods.contains(method)) {
                add.accept(new Bad(op, "method", method, path, goodType, goodRaw, List.of()));
            }
        }
        return all;
    }

    private void jsonBodies(Op op, String path, Consumer<Bad> add) {
        JsonNode example = example(op.schema());
        for (String name : op.schema().getRequired() == null ? List.<String>of() : op.schema().getRequired()) {
            ObjectNode without = ((ObjectNode) example).deepCopy();
            without.remove(name);
            add.accept(json(op, "missing " + name, path, bytes(without)));
        }
        Map<String, Schema> properties = op.schema().getProperties() == null ? Map.of() : op.schema().getProperties();
        properties.forEach((name, schema) -> {
            for (JsonNode wrong : wrongValues(schema)) {
                ObjectNode changed = ((ObjectNode) example).deepCopy();
                changed.set(name, wrong);
                add.accept(json(op, "field " + name, path, bytes(changed)));
            }
            if (isString(schema)) {
                add.accept(json(op, "broken UTF-8 in " + name, path, brokenUtf8(example, name)));
            }
        });
        ObjectNode extra = ((ObjectNode) example).deepCopy();
        extra.put("unexpected", 1);
        add.accept(json(op, "extra field", path, bytes(extra)));
        ObjectNode proto = ((ObjectNode) example).deepCopy();
        proto.putObject("__proto__").put("admin", true);
        add.accept(json(op, "extra object", path, bytes(proto)));
        for (String whole : List.of("", " ", "{", "}", "[]", "[{}]", "null", "0", "\"text\"", "{\"a\":}",
                                    "{'single':'quotes'}", "{\"a\":1,}", "{} {}", "\u0000", "NaN",
                                    "[".repeat(2000) + "]".repeat(2000),
                                    "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
            add.accept(json(op, "whole body", path, bytes(whole)));
        }
        add.accept(json(op, "bytes", path, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}));
        String duplicated = example.toString().replaceFirst("\\{", "{\"a\":1,\"a\":2,");
        add.accept(json(op, "duplicate keys", path, bytes(duplicated)));
    }

    private static Bad json(Op op, String kind, String path, byte[] body) {
        return new Bad(op, kind, op.method(), path, "application/json", body, List.of());
    }

    /** Values of the wrong type, empty and huge values for a property of {@code schema}. */
    private static List<JsonNode> wrongValues(Schema<?> schema) {
        List<JsonNode> wrong = new ArrayList<>(List.of(NODES.nullNode(), NODES.objectNode().put("a", 1)));
        String type = schema.getType() == null ? "object" : schema.getType();
        switch (type) {
            case "string" -> {
                wrong.addAll(List.of(NODES.numberNode(12345), NODES.booleanNode(true), NODES.arrayNode().add("a"),
                                     NODES.textNode(""), NODES.textNode("   "), NODES.textNode(HUGE),
                                     NODES.textNode("\u0000\u202E\uFEFF"), NODES.textNode("' OR 1=1 --"),
                                     NODES.textNode("NOT_A_VALUE")));
                if (schema.getFormat() != null) {
                    wrong.add(NODES.textNode("2026-13-45T99:99:99Z"));
                }
            }
            case "integer", "number" -> wrong.addAll(List.of(
                    NODES.textNode("abc"), NODES.numberNode(1.5), NODES.numberNode(-99999999999L),
                    NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(400))), NODES.booleanNode(false)));
            case "boolean" -> wrong.addAll(List.of(NODES.textNode("yes"), NODES.numberNode(1)));
            case "array" -> wrong.addAll(List.of(
                    NODES.textNode("x"), NODES.arrayNode().addNull(), NODES.arrayNode().add(123),
                    NODES.arrayNode().add(NODES.arrayNode()), manyStrings(), NODES.arrayNode().add("")));
            default -> wrong.addAll(List.of(NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(1)));
        }
        return wrong;
    }

    private static ArrayNode manyStrings() {
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 500; i++) {
            many.add(UUID.randomUUID().toString());
        }
        return many;
    }

    /** The example body with the value of {@code name} replaced by bytes that are not UTF-8. */
    private static byte[] brokenUtf8(JsonNode example, String name) {
        ObjectNode marked = ((ObjectNode) example).deepCopy();
        marked.put(name, "@@BROKEN@@");
        String[] parts = marked.toString().split("@@BROKEN@@", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A well-formed value for {@code schema}: every property filled, ids of existing objects where known. */
    JsonNode example(Schema<?> schema) {
        return example(null, schema);
    }

    private JsonNode example(String name, Schema<?> schema) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return NODES.textNode(String.valueOf(schema.getEnum().getFirst()));
        }
        String type = schema.getType() == null ? (schema.getProperties() != null ? "object" : "string")
                                               : schema.getType();
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((property, value) -> object.set(property, example(property,
                                                                                                  value)));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(singular(name), schema.getItems()));
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(text(name, schema));
        };
    }

    private String text(String name, Schema<?> schema) {
        if (name != null && realIds.containsKey(name)) {
            return realIds.get(name);
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "date" -> "2026-05-04";
            case "date-time" -> "2026-05-04T10:00:00Z";
            case "email" -> "campaign@example.org";
            default -> name != null && name.endsWith("Id") ? UUID.randomUUID().toString() : "Campagne";
        };
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * The operation's path with real ids, except {@code wrongParameter} set to {@code wrongValue} ("wrong": every
     * parameter; null: none).
     */
    private String path(Op op, String wrongParameter, String wrongValue) {
        String path = op.path();
        for (Parameter parameter : op.in("path")) {
            String value = parameter.getName().equals(wrongParameter) || "wrong".equals(wrongParameter)
                           ? wrongValue
                           : realIds.getOrDefault(parameter.getName(), UUID.randomUUID().toString());
            path = path.replace("{" + parameter.getName() + "}", value);
        }
        return path;
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType());
    }

    private static byte[] bytes(Object json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
