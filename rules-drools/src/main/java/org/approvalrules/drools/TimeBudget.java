package org.approvalrules.drools;

import java.time.LocalDate;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.spi.RuleSpec;
import org.approvalrules.api.rules.ParameterLookup;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The time budget of one evaluation: {@code min(per-batch, n × per-case)} milliseconds for a batch of
 * {@code n} cases, from the parameters {@code rules.time-budget.per-batch-ms} and
 * {@code rules.time-budget.per-case-ms} in force on the evaluation date (national values, which a locality
 * may override). As an agenda listener it checks the elapsed time before each rule fires and stops the
 * evaluation with a {@link TimeBudgetExceededException} naming that rule. A single firing is not
 * interrupted: consequences of locality rules have no loops or recursion ({@link CompiledRuleCheck}), so
 * each firing is short, and the check between firings bounds the whole evaluation.
 *
 * <p>Elapsed time is measured with {@link System#nanoTime()} (a duration, not a date: the injected
 * {@code Clock} decides dates). One instance per evaluation; not thread-safe.
 */
final class TimeBudget extends DefaultAgendaEventListener {
    static final String PER_BATCH = "rules.time-budget.per-batch-ms";
    static final String PER_CASE = "rules.time-budget.per-case-ms";

    private final long start = System.nanoTime();
    private final long budgetNanos;
    private final long budgetMillis;
    private final int cases;
    private final Map<String, RuleSpec> rules;

    private TimeBudget(long budgetMillis, int cases, Map<String, RuleSpec> rules) {
        this.budgetMillis = budgetMillis;
        this.budgetNanos = budgetMillis * 1_000_000L;
        this.cases = cases;
        this.rules = rules;
    }

    /**
     * The budget for {@code cases} cases evaluated on {@code on}, starting now; none (null) when the
     * parameters define neither limit (a rule set without the national parameters).
     */
    static TimeBudget start(ParameterLookup parameters, LocalDate on, int cases, Map<String, RuleSpec> rules) {
        long budget = Long.MAX_VALUE / 2_000_000L;
        boolean any = false;
        if (parameters.defines(PER_BATCH)) {
            budget = Math.min(budget, positive(PER_BATCH, parameters.intAt(PER_BATCH, on)));
            any = true;
        }
        if (parameters.defines(PER_CASE)) {
            budget = Math.min(budget, positive(PER_CASE, parameters.intAt(PER_CASE, on)) * (long) Math.max(1, cases));
            any = true;
        }
        return any ? new TimeBudget(budget, cases, rules) : null;
    }

    /** A budget of 0 or less is a mistake in the parameters: refused, never read as "no time" or "no limit". */
    private static long positive(String id, int millis) {
        if (millis <= 0) {
            throw new InvalidValueException("parameter." + id, millis, "时间预算必须为正的毫秒数 / a time budget is a positive number of milliseconds");
        }
        return millis;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        long elapsed = System.nanoTime() - start;
        if (elapsed > budgetNanos) {
            String name = event.getMatch().getRule().getName();
            RuleSpec r = rules.get(name);
            throw new TimeBudgetExceededException(name, r == null ? "?" : r.file() + ":" + r.line(), budgetMillis,
                    elapsed / 1_000_000L, cases);
        }
    }
}
