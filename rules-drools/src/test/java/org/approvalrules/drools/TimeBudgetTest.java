package org.approvalrules.drools;

import static org.approvalrules.drools.CompiledRuleSetTest.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.pack.RuleSource;
import org.approvalrules.core.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time budget: a tiny budget stops a large batch before a named rule; everything else keeps serving. */
class TimeBudgetTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final DivisionCode OTHER = DivisionCode.parse("451002");
    static final Instant AS_OF = Instant.parse("2024-10-10T01:00:00Z");

    @TempDir
    Path dir;

    /** A county whose budget is {@code perBatch} ms per batch, with a rule that fires on every case. */
    private void county(String perBatch) throws IOException {
        RuleSetRegistryTest.write(dir, "451031/manifest.yaml", "pack: test.county\nlayer: \"451031\"\nversion: \"1\"\n");
        RuleSetRegistryTest.write(dir, "451031/parameters/budget.yaml", """
                rules.time-budget.per-batch-ms:
                  values:
                    2020-01-01: {value: %s, reference: "测试：极小的时间预算 / test: a tiny budget"}
                """.formatted(perBatch));
        RuleSetRegistryTest.write(dir, "451031/rules/every.drl", """
                rule "local.every-case" @id("local.every-case") @reference("县规定") @severity(INFO)
                when
                    $c : CaseFacts( )
                then
                    out.report(kcontext, $c, "受理 " + $c.caseId(), "accepted " + $c.caseId());
                end
                """);
    }

    private static List<CaseFacts> cases(int n) {
        List<CaseFacts> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cases.add(accepted("C" + i, "2024-05-14T10:00"));
        }
        return cases;
    }

    @Test
    void aBatchOverItsBudgetFailsNamingARuleWhileOtherLocalitiesAndTheRuleSetInServiceKeepServing() throws IOException {
        county("1");
        List<CaseFacts> cases = cases(60_000);
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            RuleSets.RuleSet inService = reg.ruleSet(COUNTY);
            List<String> ids = inService.pack().rules().stream().map(RuleSource::id).toList();
            assertThatThrownBy(() -> inService.evaluate(cases, AS_OF))
                    .isInstanceOfSatisfying(TimeBudgetExceededException.class, e -> {
                        assertThat(ids).contains(e.ruleId());
                        assertThat(e.budgetMillis()).isEqualTo(1);
                        assertThat(e.elapsedMillis()).isGreaterThanOrEqualTo(1);
                        assertThat(e.getMessage()).startsWith("规则评估超出时间预算").contains(e.ruleId())
                                .contains(org.approvalrules.api.privacy.Masking.mask(e.location())).contains("rules.time-budget.per-batch-ms");
                        if (e.ruleId().equals("local.every-case")) {
                            assertThat(e.location()).endsWith("every.drl:1");
                        }
                    });
            // the same cases in a locality with the national budget are evaluated in full
            assertThatCode(() -> reg.ruleSet(OTHER).evaluate(cases, AS_OF)).doesNotThrowAnyException();
            assertThat(reg.ruleSet(OTHER).pack().parameters().intAt(TimeBudget.PER_BATCH, AS_OF.atZone(CompiledRuleSet.ZONE).toLocalDate()))
                    .isEqualTo(600_000);
            // and the county's rule set stays in service
            assertThat(reg.ruleSet(COUNTY)).isSameAs(inService);
        }
    }

    @Test
    void aBudgetThatIsNotPositiveIsRefusedNotReadAsNoLimit() throws IOException {
        county("0");
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            assertThatThrownBy(() -> reg.ruleSet(COUNTY).evaluate(cases(1), AS_OF))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("parameter.rules.time-budget.per-batch-ms");
        }
    }
}
