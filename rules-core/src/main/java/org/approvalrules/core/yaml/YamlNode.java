package org.approvalrules.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.rules.RulePackException.Problem;

/**
 * A node of a {@link YamlDoc}: its Jackson value and the line where it is written (for a mapping's value: the line
 * of its key). Immutable.
 */
public final class YamlNode {

    private final YamlDoc doc;
    private final String pointer;
    private final JsonNode json;

    YamlNode(YamlDoc doc, String pointer, JsonNode json) {
        this.doc = doc;
        this.pointer = pointer;
        this.json = json;
    }

    /** The Jackson value. */
    public JsonNode json() {
        return json;
    }

    /** The 1-based line where this node (or its key) is written; 0 if unknown. */
    public int line() {
        return doc.line(pointer);
    }

    /** The file the node comes from. */
    public String file() {
        return doc.file();
    }

    /** The value under {@code key}, or null when this is no mapping or has no such key. */
    public YamlNode get(String key) {
        JsonNode v = json.get(key);
        return v == null || !json.isObject() ? null : new YamlNode(doc, YamlDoc.child(pointer, key), v);
    }

    /** Whether this mapping has {@code key}. */
    public boolean has(String key) {
        return json.isObject() && json.has(key);
    }

    /** The text of {@code key}'s value, or null when absent or null. */
    public String text(String key) {
        JsonNode v = json.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The entries of a mapping in document order (empty for anything else). */
    public Map<String, YamlNode> fields() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (json.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = json.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), new YamlNode(doc, YamlDoc.child(pointer, e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    /** The elements of a sequence (empty for anything else). */
    public List<YamlNode> elements() {
        List<YamlNode> out = new ArrayList<>();
        if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                out.add(new YamlNode(doc, pointer + "/" + i, json.get(i)));
            }
        }
        return out;
    }

    /**
     * Adds a problem for each key of this mapping that is not in {@code allowed}, naming file, the key's line and the
     * key (a misspelt key must not be read as a missing value); {@code what} says which mapping it is.
     */
    public void checkKeys(String what, Collection<String> allowed, List<Problem> problems) {
        for (Map.Entry<String, YamlNode> e : fields().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(new Problem(file(), e.getValue().line(), what + " 中的未知键 " + e.getKey() + "（可用 " + allowed
                        + "） / unknown key '" + e.getKey() + "' in " + what + " (allowed: " + allowed + ")"));
            }
        }
    }
}
