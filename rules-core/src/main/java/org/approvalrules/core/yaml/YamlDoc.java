package org.approvalrules.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.approvalrules.api.rules.RulePackException;

/**
 * The project's one YAML reader (Jackson's YAML module): a document as a Jackson tree plus the line where each node
 * starts, taken from the parser's token locations, so that every error names the real line of a key or value.
 * Duplicate keys are errors (Jackson would keep the last silently). Read it through {@link #root()}, a
 * {@link YamlNode} that also checks which keys a mapping may have.
 */
public final class YamlDoc {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final Map<String, Integer> lines;
    private final JsonNode json;

    private YamlDoc(String file, Map<String, Integer> lines, JsonNode json) {
        this.file = file;
        this.lines = lines;
        this.json = json;
    }

    /**
     * Parses {@code text} (named {@code file} in errors); an empty document is an empty mapping.
     *
     * @throws RulePackException naming file and line on malformed YAML or a key given twice
     */
    public static YamlDoc parse(String file, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            JsonNode root = t == null ? NODES.objectNode() : read(file, p, "", lines);
            if (root.isNull() || root.isMissingNode()) {
                root = NODES.objectNode();
            }
            lines.putIfAbsent("", 1);
            return new YamlDoc(file, Map.copyOf(lines), root);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulePackException(file, line, "YAML 格式错误 / malformed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String file, JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, line(p));
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = pointer + "/" + escape(key);
                    int keyLine = line(p);
                    if (o.has(key)) {
                        throw new RulePackException(file, keyLine, "键 " + key + " 重复（第 " + lines.get(child) + " 行已有） / key "
                                + key + " given twice (also on line " + lines.get(child) + ")");
                    }
                    lines.put(child, keyLine);
                    p.nextToken();
                    o.set(key, read(file, p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(file, p, pointer + "/" + i++, lines));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(p.getText());
            }
        }
    }

    private static int line(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return l == null ? 0 : l.getLineNr();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The file name shown in errors. */
    public String file() {
        return file;
    }

    /** The document's root node. */
    public YamlNode root() {
        return new YamlNode(this, "", json);
    }

    /** The 1-based line of the node at {@code pointer}, or 0. */
    int line(String pointer) {
        return lines.getOrDefault(pointer, 0);
    }

    static String child(String pointer, String key) {
        return pointer + "/" + escape(key);
    }
}
