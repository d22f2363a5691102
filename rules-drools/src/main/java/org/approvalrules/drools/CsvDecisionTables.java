package org.approvalrules.drools;

import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.core.pack.DecisionTableConverter;

/**
 * Decision tables for supervision staff: a {@code rules/*.drl.csv} file (saved from a spreadsheet)
 * with exactly the header {@code id,severity,reference,params,condition,message_zh,message_en}, one
 * rule per row. {@code condition} is the constraint list on {@code CaseFacts}; {@code params} the
 * parameter ids used, separated by spaces. Each row becomes one DRL rule, which then goes through the
 * same lint and layering as hand-written DRL. A wrong header or row shape is an error with its line.
 */
public final class CsvDecisionTables implements DecisionTableConverter {
    /** The required header. */
    public static final List<String> HEADER = List.of("id", "severity", "reference", "params", "condition",
            "message_zh", "message_en");

    @Override
    public String toDrl(String file, String content) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = content.replace("\r", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new RulePackException(file, 1, "决策表为空 / empty decision table");
        }
        List<String> header = parse(lines[0].replace("\uFEFF", ""));
        if (!header.equals(HEADER)) {
            throw new RulePackException(file, 1, "决策表表头应为 " + String.join(",", HEADER) + " / decision table header must be "
                    + String.join(",", HEADER) + " (值/value: " + String.join(",", header) + ")");
        }
        StringBuilder drl = new StringBuilder("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                drl.append('\n');
                continue;
            }
            List<String> row = parse(lines[i]);
            if (row.size() != HEADER.size()) {
                problems.add(new Problem(file, i + 1, "第 " + (i + 1) + " 行有 " + row.size() + " 列，应为 " + HEADER.size()
                        + " 列 / row has " + row.size() + " columns, expected " + HEADER.size()));
                continue;
            }
            if (row.stream().anyMatch(c -> c.contains("\""))) {
                problems.add(new Problem(file, i + 1, "单元格中不能含双引号 / cells must not contain double quotes"));
                continue;
            }
            // one rule per line of the table, so DRL line = table line (lint and compile errors keep their line)
            drl.append("rule \"").append(row.get(0)).append("\" @id(\"").append(row.get(0)).append("\") @severity(")
                    .append(row.get(1)).append(") @reference(\"").append(row.get(2)).append("\") @params(\"")
                    .append(row.get(3)).append("\") when $c : CaseFacts( ").append(row.get(4))
                    .append(" ) then out.report(kcontext, $c, \"").append(row.get(5)).append("\", \"")
                    .append(row.get(6)).append("\"); end\n");
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return drl.toString();
    }

    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString().trim());
        return cells;
    }
}
