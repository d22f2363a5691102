package org.approvalrules.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * What the record formats of this module share: a JSON object whose fields each have several accepted names
 * (English column, Chinese header, GB/T code), values strings, unknown fields rejected; and the dead-letter
 * value. Thread-safe.
 */
final class JsonRecords {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Field → the names it is accepted under. */
    private final Map<String, List<String>> names;

    JsonRecords(Map<String, List<String>> names) {
        this.names = Map.copyOf(names);
    }

    /**
     * The JSON object {@code line} holds.
     *
     * @throws InvalidValueException when it is empty, not JSON, not an object or has a field of no known name
     */
    JsonNode object(String line) {
        if (line == null || line.isBlank()) {
            throw new InvalidValueException("record", "", "空记录 / empty record");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidValueException("record", "(" + line.length() + " chars)",
                    "不是 JSON / not JSON: line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        }
        if (n == null || !n.isObject()) {
            throw new InvalidValueException("record", n == null ? "" : n.getNodeType().toString(),
                    "应为 JSON 对象 / expected a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (names.values().stream().noneMatch(l -> l.contains(name))) {
                throw new InvalidValueException("record", name, "未知字段 / unknown field");
            }
        }
        return n;
    }

    String required(JsonNode n, String field) {
        return optional(n, field).orElseThrow(() -> new InvalidValueException(field, "",
                "缺少字段 / missing field (" + String.join(", ", names.get(field)) + ")"));
    }

    /** The field's text; empty when absent, JSON null or blank. */
    Optional<String> optional(JsonNode n, String field) {
        JsonNode found = node(n, field);
        if (found == null) {
            return Optional.empty();
        }
        if (!found.isTextual()) {
            throw new InvalidValueException(field, found.getNodeType().toString(), "应为字符串 / expected a string");
        }
        return Optional.of(found.asText()).filter(s -> !s.isBlank());
    }

    /** The field's value under any of its names (null when absent or JSON null); given twice is an error. */
    JsonNode node(JsonNode n, String field) {
        JsonNode found = null;
        for (String name : names.get(field)) {
            JsonNode v = n.get(name);
            if (v != null && !v.isNull()) {
                if (found != null) {
                    throw new InvalidValueException(field, name, "字段重复 / field given twice");
                }
                found = v;
            }
        }
        return found;
    }

    /** A dead letter: the reason and where the record is (no copy of it). */
    static String deadLetter(String reason, String topic, int partition, long offset) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("reason", reason);
        o.put("topic", topic);
        o.put("partition", partition);
        o.put("offset", offset);
        return o.toString();
    }
}
