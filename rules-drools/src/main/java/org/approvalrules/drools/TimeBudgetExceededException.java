package org.approvalrules.drools;

import org.approvalrules.api.ApprovalRulesException;

/**
 * An evaluation took longer than its time budget (national parameters {@code rules.time-budget.per-batch-ms}
 * and {@code rules.time-budget.per-case-ms}, see {@link TimeBudget}) and was stopped before the next rule
 * fired. Only that evaluation fails: the rule set stays in service, other localities are not affected.
 */
public final class TimeBudgetExceededException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String location;
    private final long budgetMillis;
    private final long elapsedMillis;

    TimeBudgetExceededException(String ruleId, String location, long budgetMillis, long elapsedMillis, int cases) {
        super("规则评估超出时间预算（" + cases + " 件，限 " + budgetMillis + " 毫秒，已用 " + elapsedMillis + " 毫秒），在规则 “"
                + ruleId + "”（" + location + "）触发前中止 / evaluation exceeded its time budget (" + cases + " cases, "
                + budgetMillis + " ms allowed, " + elapsedMillis + " ms used): stopped before rule " + ruleId + " ("
                + location + ") fired; see parameters rules.time-budget.per-batch-ms and rules.time-budget.per-case-ms");
        this.ruleId = ruleId;
        this.location = location;
        this.budgetMillis = budgetMillis;
        this.elapsedMillis = elapsedMillis;
    }

    /** The id of the rule that was about to fire when the budget ran out. */
    public String ruleId() {
        return ruleId;
    }

    /** Where that rule is written, {@code file:line}. */
    public String location() {
        return location;
    }

    /** The budget of the evaluation, in milliseconds. */
    public long budgetMillis() {
        return budgetMillis;
    }

    /** The time used when it was stopped, in milliseconds. */
    public long elapsedMillis() {
        return elapsedMillis;
    }
}
