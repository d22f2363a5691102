package org.approvalrules.drools;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.DecisionTableConverter;

/**
 * Decision tables for supervision staff: a {@code rules/*.drl.csv} file (saved from a spreadsheet)
 * with exactly the header {@code id,severity,reference,params,condition,message_zh,message_en}, one
 * rule per row. {@code condition} is the constraint list on {@code CaseFacts}; {@code params} the
 * parameter ids used, separated by spaces. Each row becomes one DRL rule, which then goes through the
 * same lint and layering as hand-written DRL. A wrong header or row shape, an empty required cell or a
 * double quote in a cell is an error with its line. Spreadsheets with the same layout:
 * {@link SpreadsheetDecisionTables}.
 */
public final class CsvDecisionTables implements DecisionTableConverter {
    /** The required header. */
    public static final List<String> HEADER = DecisionTableRows.HEADER;

    /** Reads {@code content} as UTF-8 (a byte order mark is allowed); other encodings are an error. */
    @Override
    public String toDrl(String file, byte[] content) {
        try {
            return toDrl(file, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            throw new RulePackException(file, 0, "决策表不是 UTF-8 编码（请另存为“CSV UTF-8”） / the decision table is not "
                    + "UTF-8: save it as \"CSV UTF-8\"");
        }
    }

    /** The DRL of a table's text; line n of the DRL comes from line n of the table. */
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
            int line = i + 1;
            Optional<String> problem = DecisionTableRows.problem(row, c -> HEADER.get(c));
            if (problem.isPresent()) {
                problems.add(new Problem(file, line, "第 " + line + " 行：" + problem.get()));
                continue;
            }
            // one rule per line of the table, so DRL line = table line (lint and compile errors keep their line)
            DecisionTableRows.appendRule(drl, row);
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
