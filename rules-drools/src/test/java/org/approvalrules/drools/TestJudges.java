package org.approvalrules.drools;

import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.pack.PackRepository;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.rules.FactJudge;

/** The bundled national rules as a {@link FactJudge}, for tests of the engines that compute their facts. */
public final class TestJudges {
    private static final CompiledRuleSet NATIONAL = RuleSetCompiler.compile(
            PackRepository.bundled(TestJudges.class.getClassLoader(), new DecisionTables()).effective(DivisionCode.NATIONAL));

    private TestJudges() {
    }

    /** The national rule set's version, stamped on the findings of {@link #national}. */
    public static String version() {
        return NATIONAL.version();
    }

    /** The national rules, reading {@code params} (the test's own parameter values). */
    public static FactJudge national(ParameterSet params) {
        return facts -> NATIONAL.evaluateFacts(facts, CompiledRuleSet.bundledCalendar(DivisionCode.NATIONAL), params);
    }

    /** The national rules with the national parameters. */
    public static FactJudge national() {
        return national(NATIONAL.parameters());
    }
}
