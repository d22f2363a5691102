package org.approvalrules.api.spi;

import java.util.List;

/**
 * Turns a decision table ({@code rules/*.drl.csv}, {@code rules/*.drl.xlsx} or {@code rules/*.drl.xls})
 * into DRL text. The Drools implementation supplies one (rules-core stays free of spreadsheet code);
 * the result goes through the same splitting, lint and layering as hand-written DRL. Line <i>n</i> of
 * the DRL must come from line (CSV) or row (spreadsheet) <i>n</i> of the table, so that lint and
 * compile errors name the table's own line or row.
 */
@FunctionalInterface
public interface DecisionTableConverter {

    /** The file name endings that mark a decision table; a converter chooses the format by them. */
    List<String> SUFFIXES = List.of(".drl.csv", ".drl.xlsx", ".drl.xls");

    /**
     * @param file the display name, for messages; ends with one of {@link #SUFFIXES}
     * @param content the file's bytes (at most the pack loader's limit per file)
     * @return the DRL it denotes
     * @throws org.approvalrules.api.rules.RulePackException when the table cannot be read or has the wrong
     *     shape, naming the file and the line or row
     */
    String toDrl(String file, byte[] content);

    /** Whether {@code fileName} names a decision table (ends with one of {@link #SUFFIXES}). */
    static boolean isDecisionTable(String fileName) {
        return SUFFIXES.stream().anyMatch(fileName::endsWith);
    }

    /** The converter used when none is configured: rejects every table. */
    DecisionTableConverter NONE = (file, content) -> {
        throw new org.approvalrules.api.rules.RulePackException(file, 0,
                "未配置决策表转换器（需要 rules-drools） / no decision table converter configured (needs rules-drools)");
    };
}
