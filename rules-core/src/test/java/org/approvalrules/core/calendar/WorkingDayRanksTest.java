package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class WorkingDayRanksTest {

    /** 2024 with the National Day block, coverage starting on a Sunday (a non-working origin). */
    private static CompiledCalendar calendar(CoveragePolicy policy) {
        return CompiledCalendarTest.national2024(new DateRange(LocalDate.of(2024, 3, 3), LocalDate.of(2024, 12, 31)), policy);
    }

    @Test
    void ofReturnsACompiledCalendarItselfAndAdaptsAnyOther() {
        CompiledCalendar cal = calendar(CoveragePolicy.STRICT);
        assertThat(WorkingDayRanks.of(cal)).isSameAs(cal);
        assertThat(WorkingDayRanks.of(new PlainCalendar(cal))).isInstanceOf(CalendarRanks.class);
    }

    @Test
    void compiledRanksAgreeWithTheWorkingCalendarMethodsInsideAndOutsideCoverage() {
        CompiledCalendar cal = calendar(CoveragePolicy.PROVISIONAL);
        agreesWithCalendar(cal, cal, LocalDate.of(2023, 6, 1), 1000);
    }

    @Test
    void adaptedRanksAgreeWithTheWorkingCalendarMethods() {
        CompiledCalendar cal = calendar(CoveragePolicy.PROVISIONAL);
        agreesWithCalendar(WorkingDayRanks.of(new PlainCalendar(cal)), cal, LocalDate.of(2023, 6, 1), 1000);
        CompiledCalendar strict = calendar(CoveragePolicy.STRICT);
        agreesWithCalendar(WorkingDayRanks.of(new PlainCalendar(strict)), strict, LocalDate.of(2024, 3, 3), 300);
    }

    private static void agreesWithCalendar(WorkingDayRanks ranks, WorkingCalendar cal, LocalDate from, int span) {
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            LocalDate a = from.plusDays(r.nextInt(span));
            LocalDate b = a.plusDays(r.nextInt(Math.max(1, span / 3)));
            if (!cal.covers(b) && cal.policy() == CoveragePolicy.STRICT) {
                continue;
            }
            long ea = ranks.epochDay(a);
            long eb = ranks.epochDay(b);
            assertThat(ea).isEqualTo(a.toEpochDay());
            assertThat(ranks.rank(eb) - ranks.rank(ea)).as("(%s, %s]", a, b).isEqualTo(cal.workingDaysBetween(a, b));
            assertThat(ranks.isWorkingEpochDay(ea)).isEqualTo(cal.isWorkingDay(a));
            assertThat(ranks.coversEpochDay(ea)).isEqualTo(cal.covers(a));
            int n = 1 + r.nextInt(40);
            LocalDate plus;
            try {
                plus = cal.plusWorkingDays(a, n);
            } catch (CalendarCoverageException e) { // STRICT, past the coverage: the ranks refuse too
                assertThatThrownBy(() -> ranks.dateOfRank(ranks.rank(ea) + n))
                        .isInstanceOf(CalendarCoverageException.class);
                continue;
            }
            assertThat(ranks.dateOfRank(ranks.rank(ea) + n)).as("%s + %d", a, n).isEqualTo(plus);
            assertThat(ranks.epochDayOfRank(ranks.rank(ea) + n)).isEqualTo(plus.toEpochDay());
            assertThat(ranks.dateOfRank(ranks.nextOrSameWorkingRank(ea))).isEqualTo(cal.nextOrSameWorkingDay(a));
            if (cal.isWorkingDay(a)) {
                assertThat(ranks.dateOfRank(ranks.rank(ea))).isEqualTo(a);
            }
        }
    }

    @Test
    void compiledCoversMatchesTheCoverageRange() {
        CompiledCalendar cal = calendar(CoveragePolicy.PROVISIONAL);
        for (LocalDate d = LocalDate.of(2022, 12, 1); d.isBefore(LocalDate.of(2026, 2, 1)); d = d.plusDays(1)) {
            assertThat(cal.covers(d)).as("%s", d).isEqualTo(cal.coverage().contains(d));
        }
    }

    @Test
    void strictRanksRejectDaysOutsideCoverageNamingTheDay() {
        CompiledCalendar cal = calendar(CoveragePolicy.STRICT);
        long before = LocalDate.of(2024, 3, 2).toEpochDay();
        assertThatThrownBy(() -> cal.rank(before)).isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("2024-03-02");
        assertThatThrownBy(() -> cal.isWorkingEpochDay(before)).isInstanceOf(CalendarCoverageException.class);
        long last = cal.rank(LocalDate.of(2024, 12, 31).toEpochDay());
        assertThatThrownBy(() -> cal.dateOfRank(last + 1)).isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("2025-01-01");
        assertThatThrownBy(() -> cal.epochDayOfRank(last + 1)).isInstanceOf(CalendarCoverageException.class);
        assertThat(cal.coversEpochDay(before)).isFalse();
    }
}
