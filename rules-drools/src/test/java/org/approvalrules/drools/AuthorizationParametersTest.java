package org.approvalrules.drools;

import org.approvalrules.core.rules.RuleSets;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.authorization.AuthorizationChecker;
import org.approvalrules.core.pack.EffectivePack;
import org.junit.jupiter.api.Test;

/** The bundled national pack carries the authorization parameters the checker reads (parameters/authorization.yaml). */
class AuthorizationParametersTest {

    @Test
    void nationalTargetsAreTheSeedValuesWithTheirReference() {
        EffectivePack p = RuleSets.bundled(new DroolsRuleEngineProvider()).repository().effective(DivisionCode.parse("451031"));
        AuthorizationChecker c = new AuthorizationChecker(p.parameters());
        LocalDate d = LocalDate.of(2024, 9, 30);
        for (Power power : Power.values()) {
            BigDecimal expected = power == Power.APPROVAL || power == Power.CERTIFICATION ? new BigDecimal("0.8") : BigDecimal.ONE;
            assertThat(c.target(power, d)).as(power.name()).isEqualByComparingTo(expected);
            assertThat(p.parameters().valueOn(AuthorizationChecker.targetParameter(power), d).reference()).contains("三集中");
            assertThat(p.parameters().get(AuthorizationChecker.targetParameter(power)).orElseThrow().layer()).isEqualTo("000000");
        }
        assertThat(c.checkedPowers(d)).isEqualTo(EnumSet.of(Power.APPROVAL, Power.CERTIFICATION));
    }
}
