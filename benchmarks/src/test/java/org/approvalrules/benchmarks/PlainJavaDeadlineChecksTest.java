package org.approvalrules.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.rules.RuleEngines;
import org.approvalrules.core.rules.RuleSets;
import org.junit.jupiter.api.Test;

/** The plain-Java baseline of the rule-pack benchmark does what the national pack does. */
class PlainJavaDeadlineChecksTest {

    /** A finding without its rule id (rule ids may be renamed in the pack without touching the baseline). */
    private static String withoutId(Finding f) {
        return f.subject() + "|" + f.severity() + "|" + f.message() + "|" + f.legalReference() + "|" + f.layer()
                + "|" + f.ruleSetVersion() + "|" + f.parameters();
    }

    @Test
    void sameFindingsAsTheNationalPack() {
        List<CaseFacts> cases = RuleCases.generate(20_000, DivisionCode.NATIONAL, 7);
        try (RuleSets registry = RuleSets.bundled(RuleEngines.load())) {
            RuleSets.RuleSet national = registry.ruleSet(DivisionCode.NATIONAL);
            List<String> drools = national.evaluate(cases, RulePackBenchmark.AS_OF).stream()
                    .map(PlainJavaDeadlineChecksTest::withoutId).sorted().toList();
            List<String> plain = new PlainJavaDeadlineChecks(national.pack().parameters(), national.version())
                    .evaluate(cases).stream().map(PlainJavaDeadlineChecksTest::withoutId).sorted().toList();
            assertThat(drools).hasSizeGreaterThan(cases.size() / 3);
            assertThat(plain).isEqualTo(drools);
        }
    }
}
