package org.approvalrules.api.finding;

/** How serious a {@link Finding} is, as electronic supervision (电子监察) shows it. */
public enum Severity {
    /** 提示: worth knowing, no card. */
    INFO,
    /** 黄牌: a deadline is near or a practice is irregular. */
    YELLOW,
    /** 红牌: overdue or a breach of the rules. */
    RED
}
