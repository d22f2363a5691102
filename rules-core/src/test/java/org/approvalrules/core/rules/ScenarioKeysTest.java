package org.approvalrules.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.junit.jupiter.api.Test;

/** A scenario file is read strictly: a misspelt key names file, its line and the key. */
class ScenarioKeysTest {

    private static final String GOOD = """
            scenarios:
              - name: 黄牌
                as-of: 2024-10-21T12:00+08:00
                cases:
                  - id: A
                    accepted: 2024-09-27T10:30
                    statutory: 20 WORKING_DAYS
                    promised-remaining: 1
                expect:
                  - {case: A, rule: deadline.yellow, severity: YELLOW}
            """;

    @Test
    void aWellFormedScenarioKeepsTheLineOfItsEntry() {
        assertThat(Scenario.parse("s.yaml", GOOD, DivisionCode.NATIONAL)).singleElement()
                .satisfies(s -> assertThat(s.toString()).isNotEmpty());
    }

    @Test
    void aMisspeltCaseKeyIsAnErrorNotADefault() {
        String bad = GOOD.replace("promised-remaining", "promised-remainng");
        assertThatThrownBy(() -> Scenario.parse("s.yaml", bad, DivisionCode.NATIONAL)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("s.yaml:8").hasMessageContaining("promised-remainng");
        String badExpect = GOOD.replace("severity: YELLOW", "severty: YELLOW");
        assertThatThrownBy(() -> Scenario.parse("s.yaml", badExpect, DivisionCode.NATIONAL))
                .isInstanceOf(RulePackException.class).hasMessageContaining("s.yaml:10").hasMessageContaining("severty");
    }

    @Test
    void aMisspeltKeyInAFactSectionIsAnErrorNamingItsLine() {
        String rates = """
                scenarios:
                  - name: 授权率
                    as-of: 2024-10-21T12:00+08:00
                    rates:
                      - {department: 市场监管局, power: APPROVAL, numerator: 6, denominator: 10, date: 2024-10-21}
                    expect:
                      - {case: 市场监管局, rule: authorization.power-rate-below-target, severity: YELLOW}
                """;
        assertThat(Scenario.parse("r.yaml", rates, DivisionCode.NATIONAL)).hasSize(1);
        assertThatThrownBy(() -> Scenario.parse("r.yaml", rates.replace("numerator", "numerater"), DivisionCode.NATIONAL))
                .isInstanceOf(RulePackException.class).hasMessageContaining("r.yaml:5").hasMessageContaining("numerater");
    }
}
