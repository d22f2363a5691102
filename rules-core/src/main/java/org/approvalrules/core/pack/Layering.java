package org.approvalrules.core.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Splitter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.parameter.TableRow;
import org.approvalrules.core.parameter.TimeRange;

/**
 * Computes the {@link EffectivePack} of a locality from its layers, national first. Ids are matched
 * here, never by Drools rule-name collisions: replacing or disabling an unknown id, two overrides of
 * one id in one layer, a replacement without its rule, and a duplicate id are errors naming both files.
 */
public final class Layering {
    private static final Pattern PARAM_USE = Pattern.compile("params\\s*\\.\\s*\\w+\\s*\\(\\s*\"([^\"]+)\"");

    private Layering() {
    }

    /** Applies {@code layers} (national first) for {@code locality}. */
    public static EffectivePack apply(DivisionCode locality, List<Layer> layers) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleSource> rules = new LinkedHashMap<>();
        List<EffectivePack.Change> replaced = new ArrayList<>();
        List<EffectivePack.Change> disabled = new ArrayList<>();
        Map<String, Parameter> params = new LinkedHashMap<>();
        Map<String, String> paramFile = new HashMap<>();
        for (Layer layer : layers) {
            String code = layer.code().toString();
            Map<String, RuleOverride> overrides = new HashMap<>();
            for (RuleOverride o : layer.overrides()) {
                RuleOverride first = overrides.putIfAbsent(o.ruleId(), o);
                if (first != null) {
                    problems.add(new Problem(o.file(), o.line(), "同一层对规则 " + o.ruleId() + " 有两处覆盖 / two overrides of rule "
                            + o.ruleId() + " in one layer", first.location()));
                    continue;
                }
                RuleSource target = rules.get(o.ruleId());
                if (target == null) {
                    problems.add(new Problem(o.file(), o.line(), "覆盖的规则 " + o.ruleId() + " 在上级层中不存在 / "
                            + o.action().name().toLowerCase() + " of unknown rule id " + o.ruleId()
                            + " (not defined by any ancestor layer)", "layers " + pathOf(layers, layer)));
                }
            }
            Map<String, RuleSource> own = new HashMap<>();
            for (RuleSource r : layer.rules()) {
                RuleSource twin = own.putIfAbsent(r.id(), r);
                if (twin != null) {
                    problems.add(new Problem(r.file(), r.line(), "规则编号重复：" + r.id() + " / duplicate rule id " + r.id(),
                            twin.location()));
                    continue;
                }
                RuleSource ancestor = rules.get(r.id());
                RuleOverride o = overrides.get(r.id());
                if (ancestor != null) {
                    if (o == null || o.action() != RuleOverride.Action.REPLACE) {
                        problems.add(new Problem(r.file(), r.line(), "规则编号 " + r.id()
                                + " 与上级层重复；如要替换请在 overrides.yaml 中声明 replace / duplicate rule id " + r.id()
                                + " of an ancestor layer; declare 'action: replace' in overrides.yaml to replace it",
                                ancestor.location()));
                        continue;
                    }
                    replaced.add(new EffectivePack.Change(ancestor, o, code));
                    rules.remove(r.id());
                } else if (o != null) {
                    continue; // reported above as unknown id
                }
                rules.put(r.id(), r);
            }
            for (RuleOverride o : overrides.values()) {
                RuleSource target = rules.get(o.ruleId());
                if (target == null) {
                    continue;
                }
                if (o.action() == RuleOverride.Action.DISABLE) {
                    if (own.containsKey(o.ruleId())) {
                        problems.add(new Problem(o.file(), o.line(), "不能停用本层自己定义的规则 " + o.ruleId()
                                + " / cannot disable a rule this layer defines", target.location()));
                        continue;
                    }
                    disabled.add(new EffectivePack.Change(target, o, code));
                    rules.remove(o.ruleId());
                } else if (!own.containsKey(o.ruleId())) {
                    problems.add(new Problem(o.file(), o.line(), "声明替换规则 " + o.ruleId()
                            + " 但本层规则文件中没有同编号的规则 / replace declared but this layer's rules/ has no rule with that id",
                            target.location()));
                }
            }
            mergeParameters(layer, params, paramFile, problems);
        }
        ParameterSet set = new ParameterSet(params);
        for (RuleSource r : rules.values()) {
            checkParameterUse(r, set, problems);
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        List<RuleSource> list = List.copyOf(rules.values());
        return new EffectivePack(locality, layers, list, replaced, disabled, set, EffectivePack.hash(list, set),
                EffectivePack.hash(list, set, false));
    }

    private static String pathOf(List<Layer> layers, Layer upTo) {
        return String.join(">", layers.subList(0, layers.indexOf(upTo)).stream().map(l -> l.code().toString()).toList());
    }

    private static void checkParameterUse(RuleSource r, ParameterSet set, List<Problem> problems) {
        for (String p : r.parameters()) {
            if (set.get(p).isEmpty()) {
                problems.add(new Problem(r.file(), r.line(), "规则 " + r.id() + " 的 @params 引用了未定义的参数 " + p
                        + " / @params names an unknown parameter " + p));
            }
        }
        Matcher m = PARAM_USE.matcher(r.text());
        while (m.find()) {
            if (set.get(m.group(1)).isEmpty()) {
                int line = r.line() + (int) r.text().substring(0, m.start()).chars().filter(c -> c == '\n').count();
                problems.add(new Problem(r.file(), line, "规则 " + r.id() + " 使用了未定义的参数 " + m.group(1)
                        + " / rule uses an unknown parameter " + m.group(1)));
            }
        }
    }

    private static void mergeParameters(Layer layer, Map<String, Parameter> params, Map<String, String> paramFile,
            List<Problem> problems) {
        Map<String, ParameterDefinition> own = new HashMap<>();
        for (ParameterDefinition d : layer.parameters()) {
            ParameterDefinition twin = own.putIfAbsent(d.id(), d);
            if (twin != null) {
                problems.add(new Problem(d.file(), d.line(), "参数编号重复：" + d.id() + " / duplicate parameter id " + d.id(),
                        twin.file() + ":" + twin.line()));
                continue;
            }
            Parameter ancestor = params.get(d.id());
            ParameterType type = d.type();
            if (ancestor != null && type != null && type != ancestor.type()) {
                problems.add(new Problem(d.file(), d.line(), "参数 " + d.id() + " 的类型 " + type + " 与上级层的 "
                        + ancestor.type() + " 不同 / type differs from the ancestor's", paramFile.get(d.id())));
                continue;
            }
            if (ancestor == null && (type == null || d.description() == null)) {
                problems.add(new Problem(d.file(), d.line(), "新参数 " + d.id() + " 需要 type 和 description / a new "
                        + "parameter needs 'type' and 'description' (no ancestor defines " + d.id() + ")"));
                continue;
            }
            ParameterType t = type != null ? type : ancestor.type();
            List<DatedValue> values = new ArrayList<>();
            boolean ok = true;
            for (ParameterDefinition.RawValue v : d.values()) {
                try {
                    values.add(new DatedValue(v.from(), t == ParameterType.TABLE ? table(v) : typed(t, v.value()), v.reference(),
                            d.file(), v.line()));
                } catch (InvalidValueException e) {
                    problems.add(new Problem(d.file(), v.line(), "参数 " + d.id() + " 的取值不是 " + t + "：" + e.getMessage()
                            + " / value is not a " + t));
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            values.sort(java.util.Comparator.comparing(DatedValue::from));
            List<DatedValue> merged = new ArrayList<>();
            if (ancestor != null && !values.isEmpty()) {
                for (DatedValue a : ancestor.values()) {
                    if (a.from().isBefore(values.get(0).from())) {
                        merged.add(a);
                    }
                }
            }
            merged.addAll(values);
            BilingualText desc = d.description() != null ? d.description() : ancestor.description();
            try {
                params.put(d.id(), new Parameter(d.id(), t, desc, merged, layer.code().toString()));
                paramFile.put(d.id(), d.file() + ":" + d.line());
            } catch (InvalidValueException e) {
                problems.add(new Problem(d.file(), d.line(), e.getMessage()));
            }
        }
    }

    /** A {@link ParameterType#TABLE} value: a sequence of mappings of scalars, each row with its line. */
    static List<TableRow> table(ParameterDefinition.RawValue v) {
        JsonNode n = v.value();
        if (!n.isArray()) {
            throw new InvalidValueException("value", n, "期望行的列表，如 [{from: 1, to: 10, rate: 0}] / expected a list of rows "
                    + "such as [{from: 1, to: 10, rate: 0}]");
        }
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode r = n.get(i);
            int line = i < v.elementLines().size() ? v.elementLines().get(i) : v.line();
            if (!r.isObject()) {
                throw new InvalidValueException("value[" + i + "]", r, "第 " + line + " 行：每行须为映射 / line " + line
                        + ": each row must be a mapping");
            }
            java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = r.fields();
            while (it.hasNext()) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw new InvalidValueException("value[" + i + "]." + e.getKey(), e.getValue(), "第 " + line
                            + " 行：单元格须为单个值 / line " + line + ": a cell must be a single value");
                }
                cells.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
            rows.add(new TableRow(line, cells));
        }
        return List.copyOf(rows);
    }

    static Object typed(ParameterType t, JsonNode n) {
        switch (t) {
            case INT:
                if (n.isIntegralNumber() && n.canConvertToInt()) {
                    return n.intValue();
                }
                break;
            case DECIMAL:
                if (n.isNumber()) {
                    try {
                        return new BigDecimal(n.asText());
                    } catch (NumberFormatException e) {
                        break; // 1e400 reads as Infinity: not a decimal
                    }
                }
                break;
            case BOOL:
                if (n.isBoolean()) {
                    return n.booleanValue();
                }
                break;
            case STRING:
                if (n.isValueNode()) {
                    return n.asText();
                }
                break;
            case TIME_RANGE: {
                List<TimeRange> ranges = new ArrayList<>();
                if (n.isArray()) {
                    n.forEach(x -> ranges.add(TimeRange.parse(x.asText())));
                } else if (n.isTextual()) {
                    for (String s : Splitter.on(',').split(n.asText())) {
                        ranges.add(TimeRange.parse(s));
                    }
                } else {
                    break;
                }
                return List.copyOf(ranges);
            }
            case LIST:
                if (n.isArray()) {
                    List<String> l = new ArrayList<>();
                    n.forEach(x -> l.add(x.asText()));
                    return List.copyOf(l);
                }
                break;
            default:
                break;
        }
        throw new InvalidValueException("value", n, "期望 " + t + " / expected " + t);
    }
}
