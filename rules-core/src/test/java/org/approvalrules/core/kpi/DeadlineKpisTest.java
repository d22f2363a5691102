package org.approvalrules.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.junit.jupiter.api.Test;

class DeadlineKpisTest {

    // weeks of plain Monday–Friday: the figures below are easy to check by hand
    private static final CompiledCalendar CAL = CompiledCalendar.builder(DivisionCode.NATIONAL,
            DateRange.ofYears(2023, 2023)).policy(CoveragePolicy.STRICT).build();
    private static final Instant AS_OF = LocalDateTime.parse("2023-12-01T12:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s);
    }

    private static void add(DeadlineKpis.Accumulator acc, DeadlineInput in) {
        acc.add(in, DeadlineEngine.INSTANCE.evaluate(in, CAL, DeadlinePolicy.DEFAULT, AS_OF));
    }

    @Test
    void ratiosCarryNumeratorAndDenominator() {
        DeadlineKpis.Accumulator acc = DeadlineKpis.accumulator();
        // Mon 2023-03-06 accepted; promised 5 → due Mon 3/13
        DeadlineInput.Builder base = DeadlineInput.builder("A", t("2023-03-06T10:00"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(5));
        add(acc, base.caseId("A").completed(t("2023-03-10T10:00")).build()); // 4 days, on time
        add(acc, base.caseId("B").completed(t("2023-03-14T10:00")).build()); // 6 days, late
        // 2 days of testing deducted: completed 3/15 = 7 days - 2 = 5 → on time
        add(acc, base.caseId("C").completed(t("2023-03-15T10:00"))
                .procedure(SpecialProcedure.of(ProcedureKind.TESTING, t("2023-03-07T10:00"), t("2023-03-09T10:00"))).build());
        add(acc, base.caseId("D").completed(null).procedures(java.util.List.of()).build()); // not completed: only in compression
        DeadlineInput.Builder imm = DeadlineInput.builder("E", t("2023-03-06T10:00"), TimeLimit.IMMEDIATE);
        add(acc, imm.completed(t("2023-03-06T11:00")).build()); // same day, 0 days
        add(acc, imm.caseId("F").completed(t("2023-03-07T09:30")).build()); // next day, 1 day
        DeadlineKpis k = acc.result();
        assertThat(k.onTime()).isEqualTo(new Ratio(3, 5)); // A, C, E on time; B and F late
        assertThat(k.sameDayImmediate()).isEqualTo(new Ratio(1, 2));
        assertThat(k.onTheSpot()).isEqualTo(new Ratio(1, 5));
        // used: A 4, B 6, C 7 - 2 suspended = 5, E 0, F 1
        assertThat(k.meanWorkingDaysUsed()).isEqualTo(new Ratio(16, 5));
        assertThat(k.p90WorkingDaysUsed()).contains(6);
        assertThat(k.compression()).isEqualTo(new Ratio(20, 80));
        assertThat(k.compression().value()).isEqualTo(0.25);
        assertThat(k.toString()).contains("3/5 (60.0%)");
    }

    @Test
    void mergingEqualsOnePass() {
        DeadlineInput.Builder b = DeadlineInput.builder("A", t("2023-03-06T10:00"), TimeLimit.workingDays(10));
        DeadlineKpis.Accumulator all = DeadlineKpis.accumulator();
        DeadlineKpis.Accumulator left = DeadlineKpis.accumulator();
        DeadlineKpis.Accumulator right = DeadlineKpis.accumulator();
        for (int i = 0; i < 200; i++) {
            DeadlineInput in = b.caseId("K" + i).completed(t("2023-03-06T10:00").plusHours(7L * i)).build();
            add(all, in);
            add(i % 3 == 0 ? left : right, in);
        }
        assertThat(left.merge(right).result()).isEqualTo(all.result());
        assertThat(DeadlineKpis.accumulator().result().p90WorkingDaysUsed()).isEmpty();
        assertThat(Double.isNaN(DeadlineKpis.accumulator().result().onTime().value())).isTrue();
    }
}
