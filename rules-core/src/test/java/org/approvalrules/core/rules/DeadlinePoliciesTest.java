package org.approvalrules.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.StartRule;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.parameter.TimeRange;
import org.junit.jupiter.api.Test;

class DeadlinePoliciesTest {
    private static final WorkingCalendar NATIONAL = CalendarRepository.bundled()
            .calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);

    private final Map<String, Parameter> params = new HashMap<>();

    /** Adds a parameter with values {@code date, value, date, value, …}; value i is on line i+1 of "p.yaml". */
    private DeadlinePoliciesTest with(String id, ParameterType t, Object... dateValue) {
        List<DatedValue> values = new ArrayList<>();
        for (int i = 0; i < dateValue.length; i += 2) {
            values.add(new DatedValue(LocalDate.parse((String) dateValue[i]), dateValue[i + 1], "文件" + i, "p.yaml", i + 1));
        }
        params.put(id, new Parameter(id, t, BilingualText.of("中", "en"), values, "451031"));
        return this;
    }

    private ParameterSet set() {
        return new ParameterSet(params);
    }

    @Test
    void withoutParametersThePolicyIsTheDefault() {
        assertThat(DeadlinePolicies.policy(set(), LocalDate.of(2024, 1, 1))).isEqualTo(DeadlinePolicy.DEFAULT);
        assertThat(DeadlinePolicies.officeHours(set(), LocalDate.of(2024, 1, 1))).isEmpty();
        assertThat(DeadlinePolicies.calendar(NATIONAL, set(), LocalDate.of(2024, 1, 1))).isSameAs(NATIONAL);
    }

    @Test
    void everyPolicyFieldComesFromTheValueInForceOnTheAcceptanceDate() {
        with(DeadlinePolicies.YELLOW_WORKING_DAYS, ParameterType.INT, "2004-07-01", 3, "2024-07-01", 2)
                .with(DeadlinePolicies.YELLOW_SHARE, ParameterType.DECIMAL, "2004-07-01", new BigDecimal("0.2"), "2024-07-01",
                        new BigDecimal("0.1"))
                .with(DeadlinePolicies.CORRECTION_POLICY, ParameterType.STRING, "2004-07-01", "PAUSE", "2024-07-01", "RESTART")
                .with(DeadlinePolicies.AFTER_HOURS, ParameterType.BOOL, "2004-07-01", true, "2024-07-01", false)
                .with(DeadlinePolicies.LOCAL_PROCEDURE_KINDS, ParameterType.LIST, "2004-07-01", List.of("ON_SITE_SURVEY"),
                        "2024-07-01", List.of());
        DeadlinePolicy before = DeadlinePolicies.policy(set(), LocalDate.of(2024, 6, 30));
        DeadlinePolicy after = DeadlinePolicies.policy(set(), LocalDate.of(2024, 7, 1));
        assertThat(before).isEqualTo(DeadlinePolicy.DEFAULT);
        assertThat(after.yellowRemainingWorkingDays().getAsInt()).isEqualTo(2);
        assertThat(after.yellowRemainingShare().getAsDouble()).isEqualTo(0.1);
        assertThat(after.correction()).isEqualTo(CorrectionPolicy.RESTART);
        assertThat(after.afterHoursFromNextWorkingDay()).isFalse();
        assertThat(after.localProcedureKinds()).isEmpty();
        assertThat(after.stopsClock(ProcedureKind.ON_SITE_SURVEY)).isFalse();
    }

    @Test
    void unusableValuesNameTheParameterFileAndLine() {
        with(DeadlinePolicies.CORRECTION_POLICY, ParameterType.STRING, "2004-07-01", "PAUSE", "2024-07-01", "PAUZE");
        assertThat(DeadlinePolicies.policy(set(), LocalDate.of(2024, 6, 1)).correction()).isEqualTo(CorrectionPolicy.PAUSE);
        assertThatThrownBy(() -> DeadlinePolicies.policy(set(), LocalDate.of(2024, 7, 2)))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("p.yaml");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).contains(DeadlinePolicies.CORRECTION_POLICY);
                    assertThat(e.getMessage()).contains("PAUZE").contains("PAUSE 或 RESTART");
                });
    }

    @Test
    void outOfRangeAndUnknownKindsAreRejected() {
        with(DeadlinePolicies.YELLOW_SHARE, ParameterType.DECIMAL, "2004-07-01", new BigDecimal("1.5"));
        assertThatThrownBy(() -> DeadlinePolicies.policy(set(), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(DeadlinePolicies.YELLOW_SHARE);
        params.clear();
        with(DeadlinePolicies.YELLOW_WORKING_DAYS, ParameterType.INT, "2004-07-01", -1);
        assertThatThrownBy(() -> DeadlinePolicies.policy(set(), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(DeadlinePolicies.YELLOW_WORKING_DAYS);
        params.clear();
        with(DeadlinePolicies.LOCAL_PROCEDURE_KINDS, ParameterType.LIST, "2004-07-01", List.of("SITE_VISIT"));
        assertThatThrownBy(() -> DeadlinePolicies.policy(set(), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("SITE_VISIT");
        params.clear();
        with(DeadlinePolicies.LOCAL_PROCEDURE_KINDS, ParameterType.LIST, "2004-07-01", List.of("CORRECTION"));
        assertThatThrownBy(() -> DeadlinePolicies.policy(set(), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(DeadlinePolicies.CORRECTION_POLICY);
    }

    @Test
    void checkReportsEveryUnusableValueOnAnyDate() {
        with(DeadlinePolicies.CORRECTION_POLICY, ParameterType.STRING, "2004-07-01", "PAUSE", "2030-01-01", "STOP")
                .with(DeadlinePolicies.AFTER_HOURS, ParameterType.BOOL, "2004-07-01", "yes");
        assertThatThrownBy(() -> DeadlinePolicies.check(set())).isInstanceOfSatisfying(RulePackException.class, e -> {
            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("p.yaml"));
            assertThat(e.problems().stream().map(RulePackException.Problem::line)).containsExactlyInAnyOrder(3, 1);
        });
        params.clear();
        with(DeadlinePolicies.CORRECTION_POLICY, ParameterType.STRING, "2004-07-01", "RESTART");
        DeadlinePolicies.check(set());
    }

    @Test
    void packOfficeHoursOverrideTheCalendarsFromTheirFirstDate() {
        with(DeadlinePolicies.OFFICE_HOURS, ParameterType.TIME_RANGE, "2019-01-01",
                List.of(TimeRange.parse("08:00-12:00"), TimeRange.parse("15:00-18:00")));
        assertThat(DeadlinePolicies.officeHours(set(), LocalDate.of(2018, 12, 31))).isEmpty();
        assertThat(DeadlinePolicies.calendar(NATIONAL, set(), LocalDate.of(2018, 12, 31))).isSameAs(NATIONAL);
        WorkingCalendar county = DeadlinePolicies.calendar(NATIONAL, set(), LocalDate.of(2024, 9, 27));
        OfficeHours h = county.officeHours(LocalDate.of(2024, 9, 30));
        assertThat(h).isEqualTo(new OfficeHours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(NATIONAL.officeHours(LocalDate.of(2024, 9, 30)).close()).isNotEqualTo(h.close());
        assertThat(county.version()).startsWith(NATIONAL.version()).contains("08:00-18:00");
        assertThat(county.plusWorkingDays(LocalDate.of(2024, 9, 27), 20))
                .isEqualTo(NATIONAL.plusWorkingDays(LocalDate.of(2024, 9, 27), 20));

        // accepted at 17:30: after the calendar's close (17:00), before the county's (18:00)
        DeadlineInput in = DeadlineInput.builder("H1", LocalDateTime.parse("2024-09-26T17:30"), TimeLimit.workingDays(5)).build();
        java.time.Instant asOf = java.time.Instant.parse("2024-09-27T01:00:00Z");
        DeadlineResult byCalendar = DeadlineEngine.INSTANCE.evaluate(in, NATIONAL, DeadlinePolicy.DEFAULT, asOf);
        DeadlineResult byPack = DeadlineEngine.INSTANCE.evaluate(in, county, DeadlinePolicy.DEFAULT, asOf);
        assertThat(byCalendar.startRule()).isEqualTo(StartRule.AFTER_HOURS_NEXT_WORKING_DAY);
        assertThat(byPack.startRule()).isNotEqualTo(StartRule.AFTER_HOURS_NEXT_WORKING_DAY);
        assertThat(byPack.statutory().dueDate()).isEqualTo(NATIONAL.plusWorkingDays(LocalDate.of(2024, 9, 26), 5));
        assertThat(byPack.statutory().dueInstant().atZone(NATIONAL.zone()).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(byPack.calendarVersion()).isEqualTo(county.version());
    }
}
