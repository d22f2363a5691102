package org.approvalrules.core.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.RulePackException;

/**
 * Splits a DRL file into its header (imports, functions) and its rules, each with its metadata, so
 * that layering can add, replace and disable rules by id before Drools sees anything. A rule starts
 * at a line beginning with {@code rule} and ends at the next line that is only {@code end} (or on
 * the same line, for one-line rules {@code rule … when … then …; end}).
 */
public final class DrlSplitter {
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern ONE_LINE = Pattern.compile("\\bthen\\b.*;\\s*end\\s*$");
    private static final Pattern META = Pattern.compile("@(\\w+)\\s*\\(\\s*(\"([^\"]*)\"|([^)]*))\\s*\\)");

    private DrlSplitter() {
    }

    /** The rules of one DRL text and its header. */
    public static List<RuleSource> split(String file, String text, String layer) {
        String[] lines = text.split("\n", -1);
        StringBuilder header = new StringBuilder();
        List<RuleSource> rules = new ArrayList<>();
        List<RulePackException.Problem> problems = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher m = RULE_START.matcher(line);
            if (!m.find()) {
                String t = line.trim();
                if (!t.startsWith("package ")) {
                    header.append(line).append('\n');
                } else {
                    header.append('\n');
                }
                i++;
                continue;
            }
            String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            int start = i;
            StringBuilder block = new StringBuilder();
            boolean ended = false;
            while (i < lines.length) {
                block.append(lines[i]).append('\n');
                if (i > start && lines[i].trim().equals("end") || i == start && ONE_LINE.matcher(lines[i]).find()) {
                    ended = true;
                    i++;
                    break;
                }
                i++;
            }
            if (!ended) {
                problems.add(new RulePackException.Problem(file, start + 1,
                        "规则 " + name + " 缺少单独一行的 end / rule " + name + " has no closing 'end' line"));
                break;
            }
            String body = block.toString();
            int when = indexOfWord(body, "when");
            Map<String, String> meta = new LinkedHashMap<>();
            Matcher mm = META.matcher(when < 0 ? body : body.substring(0, when));
            while (mm.find()) {
                meta.put(mm.group(1), mm.group(3) != null ? mm.group(3) : mm.group(4).trim());
            }
            String id = meta.get("id");
            String ref = meta.get("reference");
            int ln = start + 1;
            if (id == null || id.isBlank()) {
                problems.add(new RulePackException.Problem(file, ln, "规则 " + name + " 缺少 @id(\"…\") / rule "
                        + name + " needs @id(\"…\") metadata"));
                continue;
            }
            if (!id.equals(name)) {
                problems.add(new RulePackException.Problem(file, ln, "规则名 " + name + " 与 @id " + id
                        + " 不一致 / rule name must equal its @id"));
            }
            if (ref == null || ref.isBlank()) {
                problems.add(new RulePackException.Problem(file, ln, "规则 " + id
                        + " 缺少 @reference（法律或政策依据） / rule needs @reference(\"…\") (legal or policy reference)"));
            }
            Severity sev = Severity.INFO;
            if (meta.containsKey("severity")) {
                try {
                    sev = Severity.valueOf(meta.get("severity").trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new RulePackException.Problem(file, ln, "未知严重程度 " + meta.get("severity")
                            + " / unknown @severity, expected INFO, YELLOW or RED"));
                }
            }
            List<String> params = new ArrayList<>();
            if (meta.containsKey("params")) {
                for (String p : meta.get("params").split("[,\\s]+")) {
                    if (!p.isBlank()) {
                        params.add(p.trim());
                    }
                }
            }
            rules.add(new RuleSource(id, sev, ref == null ? "" : ref, params, body, file, ln, layer, ""));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        String h = header.toString();
        return rules.stream().map(r -> new RuleSource(r.id(), r.severity(), r.reference(), r.parameters(), r.text(),
                r.file(), r.line(), r.layer(), h)).toList();
    }

    private static int indexOfWord(String s, String word) {
        Matcher m = Pattern.compile("(?m)^\\s*" + word + "\\b").matcher(s);
        return m.find() ? m.start() : -1;
    }
}
