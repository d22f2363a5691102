package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;

class CompiledCalendarTest {

    private static CompiledCalendar national2024(CoveragePolicy policy) {
        return national2024(DateRange.ofYears(2024, 2024), policy);
    }

    /** 2024 with the National Day block (国办发明电〔2023〕7号), over {@code coverage} (within 2024). */
    static CompiledCalendar national2024(DateRange coverage, CoveragePolicy policy) {
        CompiledCalendar.Builder b = CompiledCalendar.builder(DivisionCode.NATIONAL, coverage).policy(policy);
        for (int d = 1; d <= 7; d++) {
            b.day(LocalDate.of(2024, 10, d), DayKind.HOLIDAY, "国庆节", "000000", "国办发明电〔2023〕7号");
        }
        b.day(LocalDate.of(2024, 9, 29), DayKind.ADJUSTED_WORKDAY, "国庆节", "000000", "国办发明电〔2023〕7号");
        b.day(LocalDate.of(2024, 10, 12), DayKind.ADJUSTED_WORKDAY, "国庆节", "000000", "国办发明电〔2023〕7号");
        return b.build();
    }

    @Test
    void nationalDayBlockIsSkipped() {
        CompiledCalendar cal = national2024(CoveragePolicy.STRICT);
        // accepted Fri 2024-09-27: 1st working day Sun 9/29 (adjusted), 2nd Mon 9/30, 3rd Tue 10/8
        assertThat(cal.plusWorkingDays(LocalDate.of(2024, 9, 27), 1)).isEqualTo(LocalDate.of(2024, 9, 29));
        assertThat(cal.plusWorkingDays(LocalDate.of(2024, 9, 27), 3)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(cal.kindOf(LocalDate.of(2024, 10, 5))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.kindOf(LocalDate.of(2024, 10, 13))).isEqualTo(DayKind.WEEKEND);
        assertThat(cal.explain(LocalDate.of(2024, 10, 12)).source()).contains("国办发明电〔2023〕7号");
    }

    @Test
    void strictRejectsDatesOutsideCoverage() {
        CompiledCalendar cal = national2024(CoveragePolicy.STRICT);
        assertThatThrownBy(() -> cal.plusWorkingDays(LocalDate.of(2024, 12, 20), 20))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("2025");
    }

    @Test
    void provisionalMatchesNaiveAcrossCoverageEdges() {
        CompiledCalendar cal = national2024(CoveragePolicy.PROVISIONAL);
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            LocalDate d = LocalDate.of(2023, 6, 1).plusDays(r.nextInt(900));
            int n = r.nextInt(300);
            LocalDate naive = d;
            for (int k = 0; k < n; ) {
                naive = naive.plusDays(1);
                if (cal.isWorkingDay(naive)) {
                    k++;
                }
            }
            assertThat(cal.plusWorkingDays(d, n)).as("plus %s %d", d, n).isEqualTo(naive);
            assertThat(cal.workingDaysBetween(d, naive)).isEqualTo(n);
            assertThat(cal.workingDaysBetween(naive, d)).isEqualTo(-n);
            LocalDate back = naive;
            for (int k = 0; k < n; ) {
                back = back.minusDays(1);
                if (cal.isWorkingDay(back)) {
                    k++;
                }
            }
            assertThat(cal.minusWorkingDays(naive, n)).as("minus %s %d", naive, n).isEqualTo(back);
        }
    }

    @Test
    void provisionalResultsSayTheyAreProvisional() {
        CompiledCalendar cal = national2024(CoveragePolicy.PROVISIONAL);
        LocalDate newYearsDay2025 = LocalDate.of(2025, 1, 1);
        assertThat(cal.covers(newYearsDay2025)).isFalse();
        DayExplanation e = cal.explain(newYearsDay2025);
        // the 2025 notice is not in this calendar: a Wednesday is assumed to be a working day, and says so
        assertThat(e.kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(e.provisional()).isTrue();
        assertThat(e.toString()).contains("provisional");
        assertThat(cal.explain(LocalDate.of(2024, 10, 1)).provisional()).isFalse();
        assertThat(cal.covers(LocalDate.of(2024, 12, 31))).isTrue();
    }

    @Test
    void cancelledNationalWorkingDayKeepsItsLocalExplanation() {
        // Guangxi 2022: the local 三月三 holiday cancelled the national working Saturday 2022-04-02
        CompiledCalendar cal = CompiledCalendar.builder(DivisionCode.parse("450000"), DateRange.ofYears(2022, 2022))
                .day(LocalDate.of(2022, 4, 2), DayKind.ADJUSTED_WORKDAY, "清明节", "000000", "国办发明电〔2021〕11号")
                .day(LocalDate.of(2022, 4, 2), DayKind.WEEKEND, "壮族三月三", "450000", "桂政办电〔2022〕41号")
                .build();
        assertThat(cal.isWorkingDay(LocalDate.of(2022, 4, 2))).isFalse();
        assertThat(cal.explain(LocalDate.of(2022, 4, 2)).layer()).isEqualTo("450000");
        assertThat(cal.workingDaysBetween(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 4))).isEqualTo(1);
    }

    @Test
    void kindsThatContradictTheWeekdayAreRejected() {
        CompiledCalendar.Builder b = CompiledCalendar.builder(DivisionCode.NATIONAL, DateRange.ofYears(2024, 2024));
        // 2024-10-08 is a Tuesday
        assertThatThrownBy(() -> b.day(LocalDate.of(2024, 10, 8), DayKind.ADJUSTED_WORKDAY, "x", "000000", "n"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-10-08").hasMessageContaining("weekend");
        assertThatThrownBy(() -> b.day(LocalDate.of(2024, 10, 8), DayKind.WEEKEND, "x", "000000", "n"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> b.day(LocalDate.of(2024, 10, 12), DayKind.WORKDAY, "x", "000000", "n"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> b.day(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "元旦", "000000", "n"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("coverage");
    }

    @Test
    void aCenturiesLongCalendarWorksWithoutTheDateKeyedTable() {
        // 1800–2100 has more than 65,535 working days: too many for the compact table, same answers
        CompiledCalendar cal = CompiledCalendar.builder(DivisionCode.NATIONAL, DateRange.ofYears(1800, 2100))
                .day(LocalDate.of(2000, 1, 4), DayKind.HOLIDAY, "test", "000000", "test").build();
        assertThat(cal.plusWorkingDays(LocalDate.of(2000, 1, 3), 5)).isEqualTo(LocalDate.of(2000, 1, 11));
        assertThat(cal.workingDaysBetween(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 11))).isEqualTo(6);
        assertThat(cal.minusWorkingDays(LocalDate.of(2000, 1, 11), 6)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(cal.kindOf(LocalDate.of(2000, 1, 4))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.workingDaysBetween(LocalDate.of(1800, 1, 1), LocalDate.of(2100, 12, 31))).isGreaterThan(65_535);
    }
}
