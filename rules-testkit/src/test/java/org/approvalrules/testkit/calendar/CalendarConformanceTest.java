package org.approvalrules.testkit.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.core.calendar.ForwardingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.approvalrules.testkit.calendar.CalendarConformance.Property;
import org.junit.jupiter.api.Test;

class CalendarConformanceTest {

    @Test
    void aStrictCalendarPassesOverItsWholeCoverage() {
        WorkingCalendar cal = Fixtures.national2024And2025(CoveragePolicy.STRICT, true);
        ConformanceReport report = CalendarConformance.check(cal);
        assertThat(report.passed()).as("%s", report).isTrue();
        // every date × every n in 0..400, several calls each
        assertThat(report.checks()).isGreaterThan(731L * 401 * 5);
        assertThat(report.notes()).anyMatch(n -> n.contains("sampled"));
    }

    @Test
    void aProvisionalCalendarPassesAcrossItsCoverageEnd() {
        WorkingCalendar cal = Fixtures.national2024And2025(CoveragePolicy.PROVISIONAL, true);
        ConformanceReport report = CalendarConformance.forCalendar(cal)
                .dates(DateRange.of(LocalDate.of(2023, 7, 1), LocalDate.of(2026, 6, 30))).compositionSamples(2).build().run();
        assertThat(report.passed()).as("%s", report).isTrue();
    }

    @Test
    void theBundledNationalCalendarPassesProvisionallyAcrossTheEndOfItsCoverage() {
        WorkingCalendar cal = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.PROVISIONAL);
        assertThat(cal.coverage().end()).isEqualTo(LocalDate.of(2026, 12, 31));
        ConformanceReport report = CalendarConformance.forCalendar(cal)
                .dates(DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31))).build().run();
        assertThat(report.passed()).as("%s", report).isTrue();
    }

    @Test
    void aCoverageThatStartsAndEndsMidYearPassesBothWays() {
        CompiledCalendar full = Fixtures.national2024And2025(CoveragePolicy.STRICT, true);
        for (CoveragePolicy policy : CoveragePolicy.values()) {
            DateRange midYear = DateRange.of(LocalDate.of(2024, 3, 15), LocalDate.of(2025, 8, 20));
            CompiledCalendar.Builder b = CompiledCalendar.builder(DivisionCode.NATIONAL, midYear).policy(policy);
            full.specialDays().values().stream().filter(e -> midYear.contains(e.date()))
                    .forEach(e -> b.day(e.date(), e.kind(), e.name().orElse(""), e.layer(), e.source().orElse("")));
            CompiledCalendar cal = b.build();
            ConformanceReport report = policy == CoveragePolicy.STRICT ? CalendarConformance.check(cal)
                    : CalendarConformance.forCalendar(cal).dates(DateRange.ofYears(2023, 2026)).build().run();
            assertThat(report.passed()).as("%s", report).isTrue();
        }
    }

    /** Arithmetic that cannot express a working weekend (ObjectLab Kit's limit) must be caught. */
    @Test
    void catchesArithmeticThatIgnoresAdjustedWorkingDays() {
        WorkingCalendar broken = new KindsFromOneArithmeticFromAnother(
                Fixtures.national2024And2025(CoveragePolicy.STRICT, true),
                Fixtures.national2024And2025(CoveragePolicy.STRICT, false));

        ConformanceReport report = CalendarConformance.check(broken);

        assertThat(report.passed()).isFalse();
        assertThat(report.violatedProperties()).contains(Property.PLUS_MATCHES_REFERENCE,
                Property.BETWEEN_MATCHES_REFERENCE, Property.MINUS_MATCHES_REFERENCE, Property.MINUS_INVERTS_PLUS);
        // minimal: n = 1 from the earliest date whose next working day is a working Sunday (2024-02-04)
        ConformanceReport.Violation v = report.violations().stream()
                .filter(x -> x.property() == Property.PLUS_MATCHES_REFERENCE).findFirst().orElseThrow();
        assertThat(v.date()).isEqualTo(LocalDate.of(2024, 2, 2));
        assertThat(v.n()).isEqualTo(1);
        assertThat(v.message()).isEqualTo("plusWorkingDays = 2024-02-05, expected 2024-02-04");
        assertThat(report.toString()).contains("PLUS_MATCHES_REFERENCE ×").contains("d = 2024-02-02 (FRIDAY), n = 1");
    }

    @Test
    void catchesAStrictCalendarThatGuessesPastItsCoverage() {
        WorkingCalendar strict = Fixtures.national2024And2025(CoveragePolicy.STRICT, true);
        WorkingCalendar guessing = new KindsFromOneArithmeticFromAnother(strict,
                Fixtures.national2024And2025(CoveragePolicy.PROVISIONAL, true));

        ConformanceReport report = CalendarConformance.check(guessing);

        assertThat(report.violatedProperties()).containsExactly(Property.COVERAGE_POLICY);
        // minimal: one working day before the first covered date (a holiday) is in 2023, which it must refuse
        ConformanceReport.Violation v = report.violations().get(0);
        assertThat(v.date()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(v.n()).isEqualTo(1);
        assertThat(v.message()).isEqualTo("STRICT calendar answered minusWorkingDays = 2023-12-29 before its coverage");
        // and at the other end, every n that runs past 2025-12-31
        assertThat(report.failures(Property.COVERAGE_POLICY)).isGreaterThan(2L * 400 * 399 / 2);
    }

    /** Kinds and explanations from {@code kinds}; every arithmetic answer from {@code arithmetic}. */
    private static final class KindsFromOneArithmeticFromAnother extends ForwardingCalendar {
        private final WorkingCalendar arithmetic;

        KindsFromOneArithmeticFromAnother(WorkingCalendar kinds, WorkingCalendar arithmetic) {
            super(kinds);
            this.arithmetic = arithmetic;
        }

        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String version() {
            return "broken";
        }

        @Override
        public LocalDate plusWorkingDays(LocalDate date, int n) {
            return arithmetic.plusWorkingDays(date, n);
        }

        @Override
        public LocalDate minusWorkingDays(LocalDate date, int n) {
            return arithmetic.minusWorkingDays(date, n);
        }

        @Override
        public int workingDaysBetween(LocalDate a, LocalDate b) {
            return arithmetic.workingDaysBetween(a, b);
        }

        @Override
        public LocalDate nextWorkingDay(LocalDate date) {
            return plusWorkingDays(date, 1);
        }

        @Override
        public LocalDate nextOrSameWorkingDay(LocalDate date) {
            return isWorkingDay(date) ? date : nextWorkingDay(date);
        }
    }
}
