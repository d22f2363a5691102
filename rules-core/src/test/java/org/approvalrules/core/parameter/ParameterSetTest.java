package org.approvalrules.core.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class ParameterSetTest {
    private static Parameter p(String id, ParameterType t, Object... dateValue) {
        List<DatedValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < dateValue.length; i += 2) {
            values.add(new DatedValue(LocalDate.parse((String) dateValue[i]), dateValue[i + 1], "ref " + i, "f.yaml", i + 1));
        }
        return new Parameter(id, t, BilingualText.of("中", "en"), values, "000000");
    }

    private final ParameterSet set = new ParameterSet(Map.of(
            "hours", p("hours", ParameterType.TIME_RANGE, "2020-01-01",
                    List.of(TimeRange.parse("09:00-12:00"), TimeRange.parse("13:30-17:00"))),
            "cap", p("cap", ParameterType.DECIMAL, "2020-01-01", new BigDecimal("1.0"), "2024-07-01", new BigDecimal("0.5")),
            "policy", p("policy", ParameterType.STRING, "2020-01-01", "PAUSE"),
            "after", p("after", ParameterType.BOOL, "2020-01-01", true),
            "branches", p("branches", ParameterType.LIST, "2020-01-01", List.of("东区分中心"))));

    @Test
    void theValueIsChosenByTheGivenDate() {
        assertThat(set.decimalAt("cap", LocalDate.of(2024, 6, 30))).isEqualByComparingTo("1.0");
        assertThat(set.decimalAt("cap", LocalDate.of(2024, 7, 1))).isEqualByComparingTo("0.5");
        assertThat(set.valueOn("cap", LocalDate.of(2030, 1, 1)).reference()).isEqualTo("ref 2");
    }

    @Test
    void displayValuesFollowTheDateAcrossChangesAndBeforeTheFirstValue() {
        List<String> ids = List.of("cap", "policy");
        assertThat(set.displayValues(ids, LocalDate.of(2024, 6, 30))).containsOnly(
                Map.entry("cap", "1.0"), Map.entry("policy", "PAUSE"));
        assertThat(set.displayValues(ids, LocalDate.of(2024, 7, 1))).containsOnly(
                Map.entry("cap", "0.5"), Map.entry("policy", "PAUSE"));
        assertThat(set.displayValues(ids, LocalDate.of(2031, 1, 1))).containsEntry("cap", "0.5");
        assertThat(set.displayValues(ids, LocalDate.of(2022, 2, 2)))
                .isSameAs(set.displayValues(List.of("cap", "policy"), LocalDate.of(2020, 1, 1)));
        assertThatThrownBy(() -> set.displayValues(ids, LocalDate.of(2019, 12, 31)))
                .hasMessageContaining("no value in force");
        assertThatThrownBy(() -> set.displayValues(List.of("cap", "nope"), LocalDate.of(2024, 1, 1)))
                .hasMessageContaining("unknown parameter");
    }

    @Test
    void typedAccessors() {
        assertThat(set.stringAt("policy", LocalDate.of(2024, 1, 1))).isEqualTo("PAUSE");
        assertThat(set.boolAt("after", LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(set.listAt("branches", LocalDate.of(2024, 1, 1))).containsExactly("东区分中心");
        assertThat(set.withinTimeRanges("hours", LocalDate.of(2024, 1, 1), LocalTime.of(12, 30))).isFalse();
        assertThat(set.withinTimeRanges("hours", LocalDate.of(2024, 1, 1), LocalTime.of(13, 30))).isTrue();
        assertThat(set.withinTimeRanges("hours", LocalDate.of(2024, 1, 1), LocalTime.of(17, 0))).isFalse();
    }

    @Test
    void wrongTypeUnknownIdAndDateBeforeFirstValueAreErrors() {
        assertThatThrownBy(() -> set.intAt("policy", LocalDate.of(2024, 1, 1))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("INT");
        assertThatThrownBy(() -> set.intAt("nope", LocalDate.of(2024, 1, 1))).hasMessageContaining("unknown parameter");
        assertThatThrownBy(() -> set.stringAt("policy", LocalDate.of(2019, 12, 31))).hasMessageContaining("no value in force");
    }

    @Test
    void datesMustIncrease() {
        assertThatThrownBy(() -> p("x", ParameterType.INT, "2024-01-01", 1, "2023-01-01", 2))
                .isInstanceOf(InvalidValueException.class);
    }
}
