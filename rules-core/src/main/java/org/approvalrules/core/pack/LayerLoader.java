package org.approvalrules.core.pack;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalrules.core.yaml.YamlDoc;
import org.approvalrules.core.yaml.YamlNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.approvalrules.core.parameter.ParameterType;

/**
 * Reads one layer directory: {@code manifest.yaml}, {@code rules/*.drl}, decision tables
 * {@code rules/*.drl.csv|xlsx|xls} (through a {@link DecisionTableConverter}),
 * {@code parameters/*.yaml}, {@code overrides.yaml}, {@code scenarios/*.yaml}, {@code calendar/}.
 * Every DRL text is linted here. All problems of the layer are collected and thrown together.
 */
public final class LayerLoader {
    private LayerLoader() {
    }

    /** Reads and checks one layer; {@code directoryCode} is the directory's name. */
    public static Layer load(PackFiles files, String directoryCode, DecisionTableConverter tables) {
        List<Problem> problems = new ArrayList<>();
        List<String> all = files.list();
        if (!all.contains(PackManifest.FILE)) {
            throw new RulePackException(files.displayName(PackManifest.FILE), 0,
                    "缺少清单文件 / missing manifest: every layer directory needs manifest.yaml");
        }
        PackManifest manifest = null;
        try {
            manifest = PackManifest.parse(files.displayName(PackManifest.FILE), files.read(PackManifest.FILE),
                    directoryCode);
        } catch (RulePackException e) {
            problems.addAll(e.problems());
        }
        String layer = directoryCode;
        List<RuleSource> rules = new ArrayList<>();
        List<ParameterDefinition> params = new ArrayList<>();
        List<RuleOverride> overrides = new ArrayList<>();
        Map<String, String> scenarios = new LinkedHashMap<>();
        boolean calendar = false;
        for (String rel : all) {
            String name = files.displayName(rel);
            try {
                if (rel.startsWith("rules/") && rel.endsWith(".drl")) {
                    String text = files.read(rel);
                    lintThenSplit(name, text, layer, rules, problems);
                } else if (rel.startsWith("rules/") && DecisionTableConverter.isDecisionTable(rel)) {
                    String drl = tables.toDrl(name, files.readBytes(rel));
                    lintThenSplit(name, drl, layer, rules, problems);
                } else if (rel.startsWith("rules/")) {
                    problems.add(new Problem(name, 0, "规则目录中只能有 .drl 文件和 .drl.csv、.drl.xlsx、.drl.xls 决策表 / only "
                            + ".drl files and decision tables belong in rules/ (decision tables must be named *.drl.csv, "
                            + "*.drl.xlsx or *.drl.xls)"));
                } else if (rel.startsWith("parameters/") && (rel.endsWith(".yaml") || rel.endsWith(".yml"))) {
                    params.addAll(readParameters(name, files.read(rel)));
                } else if (rel.equals("overrides.yaml")) {
                    overrides.addAll(readOverrides(name, files.read(rel)));
                } else if (rel.startsWith("scenarios/") && (rel.endsWith(".yaml") || rel.endsWith(".yml"))) {
                    scenarios.put(name, files.read(rel));
                } else if (rel.startsWith("calendar/")) {
                    calendar = true;
                }
            } catch (RulePackException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        Optional<java.nio.file.Path> cal = calendar ? files.directory().map(d -> d.resolve("calendar")) : Optional.empty();
        return new Layer(DivisionCode.parse(layer), manifest, rules, params, overrides, scenarios, cal);
    }

    private static void lintThenSplit(String name, String text, String layer, List<RuleSource> rules,
            List<Problem> problems) {
        List<Problem> lint = DrlLint.check(name, text);
        if (!lint.isEmpty()) {
            problems.addAll(lint);
            return;
        }
        rules.addAll(DrlSplitter.split(name, text, layer));
    }

    private static final List<String> PARAMETER_KEYS = List.of("type", "description", "values");
    private static final List<String> VALUE_KEYS = List.of("value", "reference");
    private static final List<String> DESCRIPTION_KEYS = List.of("zh", "en");
    private static final List<String> OVERRIDE_KEYS = List.of("rule", "action", "reason", "reference");

    static List<ParameterDefinition> readParameters(String file, String text) {
        YamlNode root = YamlDoc.parse(file, text).root();
        List<Problem> problems = new ArrayList<>();
        List<ParameterDefinition> out = new ArrayList<>();
        if (!root.json().isObject()) {
            throw new RulePackException(file, 1, "参数文件应为“编号: 定义”的映射 / a parameter file maps ids to definitions");
        }
        for (Map.Entry<String, YamlNode> e : root.fields().entrySet()) {
            String id = e.getKey();
            YamlNode def = e.getValue();
            int line = def.line();
            if (!def.json().isObject()) {
                problems.add(new Problem(file, line, "参数 " + id + " 应为映射（type、description、values） / parameter " + id
                        + " must be a mapping (type, description, values)"));
                continue;
            }
            def.checkKeys("参数 " + id + " / parameter " + id, PARAMETER_KEYS, problems);
            ParameterType type = null;
            String t = def.text("type");
            if (t != null) {
                type = ParameterType.parse(t);
                if (type == null) {
                    problems.add(new Problem(file, def.get("type").line(), "参数 " + id + " 的类型 " + t
                            + " 未知 / unknown type (int, decimal, bool, string, time-range, list, table)"));
                }
            }
            BilingualText description = null;
            YamlNode d = def.get("description");
            if (d != null && d.json().isObject()) {
                d.checkKeys("参数 " + id + " 的 description / description of " + id, DESCRIPTION_KEYS, problems);
                description = BilingualText.of(d.json().path("zh").asText(""), d.json().path("en").asText(""));
            } else if (d != null) {
                String s = d.json().asText();
                int slash = s.indexOf(" / ");
                description = slash < 0 ? BilingualText.of(s, "") : BilingualText.of(s.substring(0, slash), s.substring(slash + 3));
            }
            YamlNode values = def.get("values");
            List<ParameterDefinition.RawValue> raw = new ArrayList<>();
            if (values == null || !values.json().isObject() || values.json().isEmpty()) {
                problems.add(new Problem(file, line, "参数 " + id + " 缺少 values（日期: {value, reference}） / parameter "
                        + id + " needs values by date: {value: …, reference: …}"));
            } else {
                for (Map.Entry<String, YamlNode> v : values.fields().entrySet()) {
                    int vline = v.getValue().line();
                    LocalDate from;
                    try {
                        from = LocalDate.parse(v.getKey());
                    } catch (DateTimeParseException ex) {
                        problems.add(new Problem(file, vline, "参数 " + id + " 的生效日期 " + v.getKey()
                                + " 不是 YYYY-MM-DD / effective date must be YYYY-MM-DD"));
                        continue;
                    }
                    YamlNode entry = v.getValue();
                    entry.checkKeys("参数 " + id + " 在 " + from + " 的值 / value of " + id + " from " + from, VALUE_KEYS, problems);
                    JsonNode value = entry.json().get("value");
                    String ref = entry.text("reference");
                    if (value == null || value.isNull()) {
                        problems.add(new Problem(file, vline, "参数 " + id + " 在 " + from + " 缺少 value / needs a value"));
                        continue;
                    }
                    if (ref == null || ref.isBlank()) {
                        problems.add(new Problem(file, vline, "参数 " + id + " 在 " + from
                                + " 缺少 reference（依据文件） / each value needs its reference"));
                        continue;
                    }
                    raw.add(new ParameterDefinition.RawValue(from, value, ref, vline,
                            entry.get("value").elements().stream().map(YamlNode::line).toList()));
                }
            }
            out.add(new ParameterDefinition(id, type, description, raw, file, line));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return out;
    }

    static List<RuleOverride> readOverrides(String file, String text) {
        YamlNode root = YamlDoc.parse(file, text).root();
        YamlNode list = root.get("overrides");
        List<Problem> problems = new ArrayList<>();
        List<RuleOverride> out = new ArrayList<>();
        if (list == null || !list.json().isArray()) {
            throw new RulePackException(file, 1, "overrides.yaml 应有 overrides: 列表 / overrides.yaml needs an 'overrides:' list");
        }
        root.checkKeys("overrides.yaml", List.of("overrides"), problems);
        for (YamlNode o : list.elements()) {
            String rule = o.text("rule");
            int line = o.line();
            o.checkKeys("覆盖项 / override", OVERRIDE_KEYS, problems);
            String action = o.text("action");
            String reason = o.text("reason");
            if (rule == null || rule.isBlank()) {
                problems.add(new Problem(file, line, "覆盖项缺少 rule（规则编号） / override needs 'rule' (the rule id)"));
                continue;
            }
            RuleOverride.Action a;
            try {
                a = RuleOverride.Action.valueOf(action == null ? "" : action.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, o.has("action") ? o.get("action").line() : line, "规则 " + rule
                        + " 的 action 应为 replace 或 disable / action must be replace or disable (值/value: " + action + ")"));
                continue;
            }
            if (reason == null || reason.isBlank()) {
                problems.add(new Problem(file, line, "覆盖规则 " + rule + " 必须说明理由 / an override needs a reason"));
                continue;
            }
            String ref = o.text("reference");
            out.add(new RuleOverride(rule, a, reason, ref == null ? "" : ref, file, line));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return out;
    }
}
