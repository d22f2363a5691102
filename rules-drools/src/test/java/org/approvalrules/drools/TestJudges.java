package org.approvalrules.drools;

import java.time.Instant;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.api.spi.EvaluationContext;
import org.approvalrules.api.spi.RuleSetSpec;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.pack.PackRepository;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.core.rules.RuleSpecs;

/** The bundled national rules as a {@link FactJudge}, for tests of the engines that compute their facts. */
public final class TestJudges {
    private static final RuleSetSpec SPEC = RuleSpecs.of(
            PackRepository.bundled(TestJudges.class.getClassLoader(), new DecisionTables()).effective(DivisionCode.NATIONAL));
    private static final CompiledRuleSet NATIONAL = RuleSetCompiler.compile(SPEC);
    private static final WorkingCalendar CALENDAR =
            CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);

    private TestJudges() {
    }

    /** The national rule set's version, stamped on the findings of {@link #national}. */
    public static String version() {
        return NATIONAL.version();
    }

    /** The national rules, reading {@code params} (the test's own parameter values; the same compiled rules). */
    public static FactJudge national(ParameterSet params) {
        CompiledRuleSet rules = RuleSetCompiler.compile(
                new RuleSetSpec(SPEC.locality(), SPEC.version(), SPEC.rulesVersion(), SPEC.rules(), params));
        return facts -> rules.evaluate(facts, new EvaluationContext(Instant.parse("2030-01-01T00:00:00Z"),
                CalendarFunctions.of(CALENDAR), CALENDAR.version()));
    }

    /** The national rules with the national parameters. */
    public static FactJudge national() {
        return national((ParameterSet) SPEC.parameters());
    }
}
