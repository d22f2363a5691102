package org.approvalrules.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;

/**
 * Typed, strict access to the fields of one JSON object read by Jackson, every error a
 * {@link DataFormatException} naming the file, the line (when known) and the field's path
 * ({@code deadlines[2].red}). Immutable.
 */
final class JsonFields {
    private final String file;
    private final int line;
    private final String path;
    private final JsonNode node;

    private JsonFields(String file, int line, String path, JsonNode node) {
        this.file = file;
        this.line = line;
        this.path = path;
        this.node = node;
    }

    /** The object {@code node} of {@code file} (line 0: the whole file), at path {@code path} ("" for the root). */
    static JsonFields of(String file, int line, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new DataFormatException(file, line, path.isEmpty() ? null : path, shown(node),
                    "应为 JSON 对象 / expected a JSON object");
        }
        return new JsonFields(file, line, path, node);
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    DataFormatException error(String field, JsonNode value, String reason) {
        return new DataFormatException(file, line, path(field), shown(value), reason);
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        String s = value.isTextual() ? value.textValue() : value.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw missing(field);
        }
        return v;
    }

    /** A required string. */
    String text(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    private DataFormatException missing(String field) {
        return error(field, null, "缺少必填字段 / required field is missing");
    }

    /** An optional string (absent or null: empty). */
    Optional<String> optionalText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw error(field, v, "应为字符串 / expected a string");
        }
        return Optional.of(v.textValue());
    }

    boolean bool(String field) {
        return optionalBool(field).orElseThrow(() -> missing(field));
    }

    Optional<Boolean> optionalBool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw error(field, v, "应为 true 或 false / expected true or false");
        }
        return Optional.of(v.booleanValue());
    }

    /** A required count: a whole JSON number, not negative. */
    long count(String field) {
        return count(field, required(field));
    }

    Optional<Long> optionalCount(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(count(field, v));
    }

    private long count(String field, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw error(field, v, "应为非负整数 / expected a whole number, not negative");
        }
        return v.longValue();
    }

    /** An optional finite number (absent or null: empty, e.g. a rate over no cases). */
    Optional<Double> optionalNumber(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw error(field, v, "应为数字 / expected a number");
        }
        return Optional.of(v.doubleValue());
    }

    /** A required amount of money: a decimal string (yuan), returned as written. */
    String money(String field) {
        String s = text(field);
        try {
            new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw error(field, node.get(field), "金额应为十进制数字符串（元） / expected an amount as a decimal string (yuan)");
        }
        return s;
    }

    /** A required object whose values are counts, in the file's order. */
    Map<String, Long> counts(String field) {
        return counts(field, object(field));
    }

    Optional<Map<String, Long>> optionalCounts(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(counts(field, object(field)));
    }

    private static Map<String, Long> counts(String field, JsonFields o) {
        Map<String, Long> m = new LinkedHashMap<>();
        o.node.fieldNames().forEachRemaining(k -> m.put(k, o.count(k)));
        return m;
    }

    /** A required nested object. */
    JsonFields object(String field) {
        JsonNode v = required(field);
        if (!v.isObject()) {
            throw error(field, v, "应为 JSON 对象 / expected a JSON object");
        }
        return new JsonFields(file, line, path(field), v);
    }

    /** The objects of an array (absent or null: empty optional, meaning "not in the file"). */
    Optional<List<JsonFields>> optionalObjects(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw error(field, v, "应为 JSON 数组 / expected a JSON array");
        }
        List<JsonFields> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            list.add(of(file, line, path(field) + "[" + i + "]", v.get(i)));
        }
        return Optional.of(list);
    }

    /** The strings of an optional array (absent or null: empty list). */
    List<String> texts(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(field, v, "应为字符串数组 / expected an array of strings");
        }
        List<String> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw error(field + "[" + i + "]", v.get(i), "应为字符串 / expected a string");
            }
            list.add(v.get(i).textValue());
        }
        return list;
    }

    /** An optional object of strings (absent or null: empty), in the file's order. */
    Map<String, String> textMap(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        JsonFields o = object(field);
        Map<String, String> m = new LinkedHashMap<>();
        v.fieldNames().forEachRemaining(k -> m.put(k, o.text(k)));
        return m;
    }
}
