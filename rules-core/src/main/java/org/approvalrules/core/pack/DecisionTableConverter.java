package org.approvalrules.core.pack;

/**
 * Turns a decision table ({@code rules/*.drl.csv}) into DRL text. The Drools implementation supplies
 * one; the result goes through the same splitting, lint and layering as hand-written DRL.
 */
@FunctionalInterface
public interface DecisionTableConverter {

    /**
     * @param file the display name, for messages
     * @param content the table's text
     * @return the DRL it denotes
     * @throws org.approvalrules.api.rules.RulePackException when the table has the wrong shape
     */
    String toDrl(String file, String content);

    /** The converter used when none is configured: rejects every table. */
    DecisionTableConverter NONE = (file, content) -> {
        throw new org.approvalrules.api.rules.RulePackException(file, 0,
                "未配置决策表转换器（需要 rules-drools） / no decision table converter configured (needs rules-drools)");
    };
}
