package org.approvalrules.drools;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;

/**
 * Decision tables for supervision staff: a {@code rules/*.drl.csv} file (saved from a spreadsheet)
 * with exactly the header {@code id,severity,reference,params,condition,message_zh,message_en}, one
 * rule per row. {@code condition} is the constraint list on {@code CaseFacts}; {@code params} the
 * parameter ids used, separated by spaces. Each row becomes one DRL rule, which then goes through the
 * same lint and layering as hand-written DRL. The file is read by {@link CsvReader} (RFC 4180 quoting; UTF-8
 * with or without BOM, or GB18030); a line break inside a quoted cell is read as a space. A wrong header or row
 * shape, an empty required cell or a double quote in a cell is an error with its line. Spreadsheets with the same layout:
 * {@link SpreadsheetDecisionTables}.
 */
public final class CsvDecisionTables implements DecisionTableConverter {
    /** The required header. */
    public static final List<String> HEADER = DecisionTableRows.HEADER;

    /** Reads {@code content} as UTF-8 (a byte order mark is allowed) or GB18030, as {@link CsvReader} decides. */
    @Override
    public String toDrl(String file, byte[] content) {
        try (CsvReader reader = CsvReader.of(content, file, CsvReader.Syntax.PLAIN)) {
            return toDrl(file, reader);
        } catch (DataFormatException e) {
            throw packError(file, e);
        }
    }

    /** The DRL of a table's text; line n of the DRL comes from line n of the table. */
    public String toDrl(String file, String content) {
        try (CsvReader reader = CsvReader.of(new StringReader(content), file, CsvReader.Syntax.PLAIN)) {
            return toDrl(file, reader);
        } catch (DataFormatException e) {
            throw packError(file, e);
        }
    }

    private static String toDrl(String file, CsvReader reader) {
        List<Problem> problems = new ArrayList<>();
        StringBuilder drl = new StringBuilder();
        int drlLines = 0;
        CsvRow head = reader.next();
        if (head == null) {
            throw new RulePackException(file, 1, "决策表为空 / empty decision table");
        }
        List<String> header = cells(head);
        if (head.line() != 1 || !header.equals(HEADER)) {
            throw new RulePackException(file, head.line(), "决策表表头应为 " + String.join(",", HEADER)
                    + " / decision table header must be " + String.join(",", HEADER) + " (值/value: "
                    + String.join(",", header) + ")");
        }
        for (CsvRow r = reader.next(); r != null; r = reader.next()) {
            int line = r.line();
            List<String> row = cells(r);
            if (row.size() != HEADER.size()) {
                problems.add(new Problem(file, line, "第 " + line + " 行有 " + row.size() + " 列，应为 " + HEADER.size()
                        + " 列 / row has " + row.size() + " columns, expected " + HEADER.size()));
                continue;
            }
            Optional<String> problem = DecisionTableRows.problem(row, c -> HEADER.get(c));
            if (problem.isPresent()) {
                problems.add(new Problem(file, line, "第 " + line + " 行：" + problem.get()));
                continue;
            }
            // one rule per record, on the record's first line, so DRL line = table line (lint and compile
            // errors keep their line); a record spanning lines leaves the lines after it empty
            for (; drlLines < line - 1; drlLines++) {
                drl.append('\n');
            }
            DecisionTableRows.appendRule(drl, row);
            drlLines++;
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return drl.toString();
    }

    private static RulePackException packError(String file, DataFormatException e) {
        return new RulePackException(file, e.line(), e.field().map(f -> f + ": ").orElse("") + e.reason());
    }

    /** The cells of a record, stripped, a line break inside a quoted cell read as a space. */
    static List<String> cells(CsvRow row) {
        List<String> cells = new ArrayList<>(row.size());
        for (String v : row.values()) {
            cells.add(v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').strip());
        }
        return cells;
    }
}
