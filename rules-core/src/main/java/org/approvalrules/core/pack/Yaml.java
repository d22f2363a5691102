package org.approvalrules.core.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.approvalrules.api.rules.RulePackException;

/** YAML reading for pack files: malformed YAML becomes a {@link RulePackException} with its line. */
final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    /** Parses a YAML document; an empty document is an empty object. */
    static JsonNode read(String file, String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null || n.isMissingNode() || n.isNull() ? MAPPER.createObjectNode() : n;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulePackException(file, line, "YAML 格式错误 / malformed YAML: " + e.getOriginalMessage());
        }
    }

    /**
     * The 1-based line where a key path first appears: each key is searched for after the line of the
     * previous one. 0 when not found.
     */
    static int lineOf(String text, String... keys) {
        String[] lines = text.split("\n", -1);
        int from = 0;
        int found = 0;
        for (String key : keys) {
            found = 0;
            for (int i = from; i < lines.length; i++) {
                String t = lines[i].trim();
                if (t.startsWith("- ")) {
                    t = t.substring(2).trim();
                }
                if (t.startsWith(key + ":") || t.startsWith("\"" + key + "\":") || t.startsWith("'" + key + "':")
                        || t.contains(" " + key + ":") || t.contains("{" + key + ":")) {
                    found = i + 1;
                    from = i + 1;
                    break;
                }
            }
            if (found == 0) {
                return 0;
            }
        }
        return found;
    }

    /** The text of a field, or null when absent. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The 1-based line of the first line at or after {@code fromLine} containing all needles, or 0. */
    static int lineContaining(String text, int fromLine, String... needles) {
        String[] lines = text.split("\n", -1);
        outer:
        for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
            for (String n : needles) {
                if (!lines[i].contains(n)) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return 0;
    }

    /** The 1-based line at or after {@code fromLine} where {@code key: value} is written, or 0. */
    static int lineOfValue(String text, int fromLine, String key, String value) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key)
                + "\\s*:\\s*[\"']?" + java.util.regex.Pattern.quote(value) + "[\"']?\\s*([,}#]|$)");
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
