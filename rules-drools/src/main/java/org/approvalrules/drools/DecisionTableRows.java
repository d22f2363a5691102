package org.approvalrules.drools;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The decision-table layout shared by CSV and spreadsheet tables: the header, the checks on one row
 * and the one-line DRL rule a row becomes. Package-private: the formats are {@link CsvDecisionTables}
 * and {@link SpreadsheetDecisionTables}.
 */
final class DecisionTableRows {
    /** The required header. */
    static final List<String> HEADER = List.of("id", "severity", "reference", "params", "condition",
            "message_zh", "message_en");

    /** Columns that must not be empty (all but {@code params} and {@code message_en}). */
    private static final List<Integer> REQUIRED = List.of(0, 1, 2, 4, 5);

    private DecisionTableRows() {
    }

    /**
     * What is wrong with a row of {@link #HEADER}'s size, or empty.
     *
     * @param cellName names column {@code c} of this row in messages ("condition" or "E7")
     */
    static Optional<String> problem(List<String> row, IntFunction<String> cellName) {
        for (int c = 0; c < row.size(); c++) {
            if (row.get(c).contains("\"")) {
                return Optional.of("单元格 " + cellName.apply(c) + " 中不能含双引号 / cells must not contain double quotes ("
                        + cellName.apply(c) + ")");
            }
        }
        for (int c : REQUIRED) {
            if (row.get(c).isBlank()) {
                return Optional.of("单元格 " + cellName.apply(c) + "（" + HEADER.get(c) + "）不能为空 / cell "
                        + cellName.apply(c) + " (" + HEADER.get(c) + ") must not be empty");
            }
        }
        return Optional.empty();
    }

    /** Appends the rule of a checked row as one DRL line, so that DRL line = table line or row. */
    static void appendRule(StringBuilder drl, List<String> row) {
        drl.append("rule \"").append(row.get(0)).append("\" @id(\"").append(row.get(0)).append("\") @severity(")
                .append(row.get(1)).append(") @reference(\"").append(row.get(2)).append("\") @params(\"")
                .append(row.get(3)).append("\") when $c : CaseFacts( ").append(row.get(4))
                .append(" ) then out.report(kcontext, $c, \"").append(row.get(5)).append("\", \"")
                .append(row.get(6)).append("\"); end\n");
    }
}
