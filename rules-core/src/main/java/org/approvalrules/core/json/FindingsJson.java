package org.approvalrules.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import org.approvalrules.api.finding.Finding;

/**
 * The one JSON shape of a {@link Finding} (docs/FINDINGS.md, docs/findings.schema.json), written by
 * Jackson: {@code ruleId, severity, subject, messageZh, messageEn, legalReference, layer,
 * ruleSetVersion, calendarVersion, parameters, evidence}, in that order, both maps as objects sorted by
 * key. Every command and report writes findings through this class; rules-api stays free of Jackson.
 * Thread-safe.
 */
public final class FindingsJson {
    /** The fields of a finding, in the order they are written. */
    public static final java.util.List<String> FIELDS = java.util.List.of("ruleId", "severity", "subject", "messageZh",
            "messageEn", "legalReference", "layer", "ruleSetVersion", "calendarVersion", "parameters", "evidence");

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(module());

    private FindingsJson() {
    }

    /** A Jackson module that writes {@link Finding} in the findings contract's shape. */
    public static SimpleModule module() {
        return new SimpleModule("approval-rules-findings").addSerializer(Finding.class, new Serializer());
    }

    /** A mapper that writes findings in the contract's shape (register {@link #module()} on your own instead). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The finding as a JSON object. */
    public static ObjectNode toJson(Finding f) {
        return MAPPER.valueToTree(f);
    }

    /** The findings as a JSON array, in order. */
    public static ArrayNode toJson(Collection<Finding> findings) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Finding f : findings) {
            a.add(toJson(f));
        }
        return a;
    }

    /** The finding as one line of JSON (for JSON Lines output). */
    public static String line(Finding f) {
        try {
            return MAPPER.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Serializer extends JsonSerializer<Finding> {
        @Override
        public void serialize(Finding f, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("severity", f.severity().name());
            g.writeStringField("subject", f.subject());
            g.writeStringField("messageZh", f.message().zh());
            g.writeStringField("messageEn", f.message().en());
            g.writeStringField("legalReference", f.legalReference());
            g.writeStringField("layer", f.layer());
            g.writeStringField("ruleSetVersion", f.ruleSetVersion());
            g.writeStringField("calendarVersion", f.calendarVersion());
            map(g, "parameters", f.parameters());
            map(g, "evidence", f.evidence());
            g.writeEndObject();
        }

        private static void map(JsonGenerator g, String name, Map<String, String> m) throws IOException {
            g.writeObjectFieldStart(name);
            // Finding keeps both maps sorted; sorting here too (when they are not) keeps the output stable for any Map
            for (Map.Entry<String, String> e : (ascending(m) ? m : new java.util.TreeMap<>(m)).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }

        /** Whether {@code m} iterates in ascending order of its keys. */
        private static boolean ascending(Map<String, String> m) {
            String before = null;
            for (String k : m.keySet()) {
                if (k == null || before != null && before.compareTo(k) >= 0) {
                    return false;
                }
                before = k;
            }
            return true;
        }
    }
}
