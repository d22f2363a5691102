package org.approvalrules.core.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.supervise.CatalogueFact;
import org.approvalrules.api.supervise.KpiFact;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.junit.jupiter.api.Test;

/** Range checks of the KPI targets and catalogue caps (issue #10 "Bad input"): each bad value named by file, line, value. */
class SupervisionParametersTest {

    /** A parameter with one value per entry of {@code values}, on lines 3, 4, … of {@code p.yaml}, yearly from 2024. */
    private static Parameter parameter(String id, Object... values) {
        List<DatedValue> dated = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            dated.add(new DatedValue(LocalDate.of(2024 + i, 1, 1), values[i], "县文件", "p.yaml", 3 + i));
        }
        return new Parameter(id, values[0] instanceof Integer ? ParameterType.INT : ParameterType.DECIMAL,
                BilingualText.of("参数", "parameter"), dated, "451031");
    }

    private static List<RulePackException.Problem> problems(Parameter... ps) {
        Map<String, Parameter> byId = new LinkedHashMap<>();
        for (Parameter p : ps) {
            byId.put(p.id(), p);
        }
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> SupervisionParameters.check(new ParameterSet(byId)));
        return e == null ? List.of() : e.problems();
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void rateTargetsLieInZeroToOne() {
        for (KpiFact.Kpi kpi : KpiFact.Kpi.values()) {
            String id = KpiFact.targetParameter(kpi);
            if (kpi.atLeast()) {
                assertThat(problems(parameter(id, d("0"), d("0.9"), d("1"), d("1.0")))).as(id).isEmpty();
                assertThat(problems(parameter(id, d("0.9"), d("1.01"), d("-0.01")))).as(id)
                        .extracting(p -> p.file() + ":" + p.line()).containsExactly("p.yaml:4", "p.yaml:5");
            } else {
                // working days: any number not below zero
                assertThat(problems(parameter(id, d("0"), d("8"), 30))).as(id).isEmpty();
                assertThat(problems(parameter(id, d("8"), d("-1")))).as(id).singleElement()
                        .satisfies(p -> assertThat(p.reason()).contains("-1").contains("2025-01-01"));
            }
        }
    }

    @Test
    void cataloguesCapsArePositiveAndThePromisedShareAtMostOne() {
        for (CatalogueFact.Measure m : CatalogueFact.Measure.values()) {
            String id = CatalogueFact.capParameter(m);
            assertThat(problems(parameter(id, d("3.5"), 5, d("0.1")))).as(id).isEmpty();
            assertThat(problems(parameter(id, d("3.5"), d("0"), -2))).as(id).extracting(RulePackException.Problem::line)
                    .containsExactly(4, 5);
        }
        String share = org.approvalrules.api.supervise.PromisedLimitFact.CAP_PARAMETER;
        assertThat(problems(parameter(share, d("0.5"), d("1"), d("0.01")))).isEmpty();
        assertThat(problems(parameter(share, d("0"), d("1.5"), d("0.5")))).extracting(RulePackException.Problem::line)
                .containsExactly(3, 4);
    }

    @Test
    void anUnknownTargetOrCapIsNamedNotIgnored() {
        List<RulePackException.Problem> found = problems(parameter("kpi.target.on-time-rat", d("1")),
                parameter("catalogue.cap.average-stepz", d("3")), parameter("kpi.target.on-time-rate", d("1.2")));
        assertThat(found).hasSize(3);
        assertThat(found).anySatisfy(p -> assertThat(p.reason()).contains("kpi.target.on-time-rat").contains("unknown KPI"));
        assertThat(found).anySatisfy(p -> assertThat(p.reason()).contains("catalogue.cap.average-stepz"));
        assertThat(found).anySatisfy(p -> assertThat(p.reason()).contains("1.2").contains("0 to 1"));
        assertThat(found).allSatisfy(p -> assertThat(p.file()).isEqualTo("p.yaml"));
    }

    @Test
    void otherDomainsParametersAreNotThisChecksConcern() {
        assertThatCode(() -> SupervisionParameters.check(new ParameterSet(Map.of("authorization.target.approval",
                parameter("authorization.target.approval", d("7")))))).doesNotThrowAnyException();
    }
}
